using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class EnvironmentReadRuleTests
{
    [Theory]
    [InlineData("var region = [|Environment.GetEnvironmentVariable(\"REGION\")|];")]
    [InlineData("var all = [|Environment.GetEnvironmentVariables()|];")]
    [InlineData("var machine = [|Environment.MachineName|];")]
    [InlineData("var ticks = [|Environment.TickCount|];")]
    [InlineData("var ticks = [|Environment.TickCount64|];")]
    [InlineData("var pid = [|Environment.ProcessId|];")]
    [InlineData("var directory = [|Environment.CurrentDirectory|];")]
    [InlineData("var cores = [|Environment.ProcessorCount|];")]
    public async Task Analyze_EnvironmentReadInWorkflow_ReportsOrch007(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH007");
    }

    [Fact]
    public async Task Analyze_EnvironmentNewLine_ReportsNothing()
    {
        await VerifyAsync(InWorkflow("var text = input + Environment.NewLine;"), "ORCH007");
    }
}
