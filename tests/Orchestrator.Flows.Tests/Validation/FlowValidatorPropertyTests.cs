using CsCheck;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Tests.Elsa;
using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Tests.Validation;

public sealed class FlowValidatorPropertyTests
{
    [Fact]
    public void Validate_RandomDocument_NeverThrowsAndNamesOnlyExistingNodes()
    {
        ElsaJsonPropertyTests.SpecGen.Sample(spec =>
        {
            var doc = ElsaJson.Read(ElsaJsonPropertyTests.Render(spec));
            var ids = doc.Root.Activities.Select(a => a.Id).Append(doc.Root.Id).ToHashSet();

            var problems = FlowValidator.Validate(doc, new FlowValidationContext(new HashSet<string>(), _ => false, new HashSet<string>()));

            problems.Should().NotContain(p => p.NodeId != null && !ids.Contains(p.NodeId));
            problems.Should().NotContain(p => !p.Message.EndsWith('.') || p.Code.Length == 0);
            problems.Should().NotContain(p => p.NodeId != null && p.NodeId != doc.Root.Id && !p.Message.StartsWith("Node '", StringComparison.Ordinal));
        }, iter: 300);
    }

    [Fact]
    public void Validate_Twice_GivesTheSameProblems()
    {
        ElsaJsonPropertyTests.SpecGen.Sample(spec =>
        {
            var doc = ElsaJson.Read(ElsaJsonPropertyTests.Render(spec));
            var before = ElsaJson.Write(doc);

            FlowValidator.Validate(doc).Should().Equal(FlowValidator.Validate(doc));
            ElsaJson.Write(doc).Should().Be(before, "validating does not change the flow");
        }, iter: 100);
    }
}
