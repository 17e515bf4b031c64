using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class NewGuidRuleTests
{
    [Theory]
    [InlineData("var id = [|Guid.NewGuid()|];")]
    [InlineData("var id = [|Guid.CreateVersion7()|];")]
    [InlineData("var id = [|System.Guid.NewGuid()|].ToString(\"N\");")]
    [InlineData("Func<Guid> factory = [|Guid.NewGuid|];")]
    public async Task Analyze_NewGuidInWorkflow_ReportsOrch002(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH002");
    }

    [Theory]
    [InlineData("var id = ctx.NewGuid();")]
    [InlineData("var id = Guid.Empty;")]
    [InlineData("var id = Guid.Parse(\"6f9619ff-8b86-d011-b42d-00c04fc964ff\");")]
    [InlineData("var id = new Guid(\"6f9619ff-8b86-d011-b42d-00c04fc964ff\");")]
    public async Task Analyze_DeterministicGuidUse_ReportsNothing(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH002");
    }
}
