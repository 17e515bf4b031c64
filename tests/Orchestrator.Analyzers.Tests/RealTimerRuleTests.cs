using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class RealTimerRuleTests
{
    [Theory]
    [InlineData("await [|Task.Delay(1000)|];")]
    [InlineData("await [|Task.Delay(TimeSpan.FromSeconds(1), CancellationToken.None)|];")]
    [InlineData("[|Thread.Sleep(10)|];")]
    [InlineData("using var timer = [|new Timer(_ => { }, null, 1000, Timeout.Infinite)|];")]
    [InlineData("using var timer = [|new PeriodicTimer(TimeSpan.FromSeconds(1))|];")]
    [InlineData("using var timer = [|new System.Timers.Timer(1000)|];")]
    [InlineData("using var timer = [|_clock.CreateTimer(_ => { }, null, TimeSpan.Zero, Timeout.InfiniteTimeSpan)|];")]
    public async Task Analyze_RealTimerInWorkflow_ReportsOrch004(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH004");
    }

    [Fact]
    public async Task Analyze_DurableTimer_ReportsNothing()
    {
        await VerifyAsync(InWorkflow("await ctx.CreateTimerAsync(TimeSpan.FromHours(1));"), "ORCH004");
    }
}
