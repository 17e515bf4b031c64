using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class SystemClockRuleTests
{
    [Theory]
    [InlineData("var now = [|DateTime.Now|];")]
    [InlineData("var now = [|DateTime.UtcNow|];")]
    [InlineData("var today = [|DateTime.Today|];")]
    [InlineData("var now = [|DateTimeOffset.Now|];")]
    [InlineData("var now = [|DateTimeOffset.UtcNow|];")]
    [InlineData("var clock = [|TimeProvider.System|];")]
    [InlineData("var now = [|_clock.GetUtcNow()|];")]
    [InlineData("var now = [|_clock.GetTimestamp()|];")]
    [InlineData("var watch = [|Stopwatch.StartNew()|];")]
    [InlineData("var watch = [|new Stopwatch()|];")]
    [InlineData("var ticks = [|Stopwatch.GetTimestamp()|];")]
    [InlineData("var now = [|System.DateTime.UtcNow|];")]
    public async Task Analyze_ClockReadInWorkflow_ReportsOrch001(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH001");
    }

    [Fact]
    public async Task Analyze_ClockReadThroughSystemTimeProvider_ReportsOnce()
    {
        await VerifyAsync(InWorkflow("var now = [|TimeProvider.System|].GetUtcNow();"), "ORCH001");
    }

    [Fact]
    public async Task Analyze_StopwatchCreatedAndRead_ReportsEachUse()
    {
        await VerifyAsync(InWorkflow("var watch = [|Stopwatch.StartNew()|]; var elapsed = [|watch.Elapsed|];"), "ORCH001");
    }

    [Fact]
    public async Task Analyze_UsingStaticDateTime_ReportsOrch001()
    {
        var code = "using static System.DateTime;\n" + InWorkflow("var now = [|UtcNow|];");

        await VerifyAsync(code, "ORCH001");
    }

    [Theory]
    [InlineData("var now = ctx.CurrentUtcDateTime;")]
    [InlineData("var later = ctx.CurrentUtcDateTime.AddMinutes(5);")]
    [InlineData("var min = DateTime.MinValue;")]
    [InlineData("var fixedDate = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);")]
    [InlineData("var parsed = DateTimeOffset.Parse(input, System.Globalization.CultureInfo.InvariantCulture);")]
    [InlineData("var span = TimeSpan.FromMinutes(5);")]
    public async Task Analyze_DeterministicTimeUse_ReportsNothing(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH001");
    }

    [Fact]
    public async Task Analyze_ClockRead_ReportsAtTheReadsLine()
    {
        var code = InWorkflow("var now = DateTime.UtcNow;");
        var expectedLine = code.Split('\n').ToList().FindIndex(line => line.Contains("DateTime.UtcNow", StringComparison.Ordinal));

        var diagnostics = await AnalyzeAsync(code);

        diagnostics.Should().ContainSingle()
            .Which.Location.GetLineSpan().StartLinePosition.Line.Should().Be(expectedLine);
    }
}
