using Microsoft.CodeAnalysis;

namespace Orchestrator.Analyzers.Tests;

public sealed class DeterminismAnalyzerTests
{
    [Fact]
    public void SupportedDiagnostics_AllRules_AreOrch001ToOrch007InOrder()
    {
        var ids = new DeterminismAnalyzer().SupportedDiagnostics.Select(d => d.Id);

        ids.Should().Equal("ORCH001", "ORCH002", "ORCH003", "ORCH004", "ORCH005", "ORCH006", "ORCH007");
    }

    [Fact]
    public void SupportedDiagnostics_EveryRule_IsAnEnabledDeterminismWarningWithoutHelpLink()
    {
        var descriptors = new DeterminismAnalyzer().SupportedDiagnostics;

        descriptors.Should().AllSatisfy(descriptor =>
        {
            descriptor.Category.Should().Be("Determinism");
            descriptor.DefaultSeverity.Should().Be(DiagnosticSeverity.Warning);
            descriptor.IsEnabledByDefault.Should().BeTrue();
            descriptor.HelpLinkUri.Should().BeEmpty();
            descriptor.Title.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().NotBeNullOrWhiteSpace();
            descriptor.Description.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().EndWith(".");
            descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().StartWith("'{0}'");
        });
    }
}
