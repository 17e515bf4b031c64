using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class RandomnessRuleTests
{
    [Theory]
    [InlineData("var random = [|new Random()|];")]
    [InlineData("var random = [|new Random(42)|];")]
    [InlineData("Random random = [|new()|];")]
    [InlineData("var value = [|Random.Shared|].Next(10);")]
    [InlineData("var value = [|RandomNumberGenerator.GetInt32(10)|];")]
    [InlineData("using var generator = [|RandomNumberGenerator.Create()|];")]
    public async Task Analyze_RandomInWorkflow_ReportsOrch003(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH003");
    }

    [Fact]
    public async Task Analyze_RandomCreatedThenUsed_ReportsOnlyTheConstruction()
    {
        await VerifyAsync(InWorkflow("var random = [|new Random()|]; var first = random.Next(); var second = random.Next();"), "ORCH003");
    }

    [Fact]
    public async Task Analyze_ValueDerivedFromContextGuid_ReportsNothing()
    {
        await VerifyAsync(InWorkflow("var bucket = ctx.NewGuid().GetHashCode() % 10;"), "ORCH003");
    }
}
