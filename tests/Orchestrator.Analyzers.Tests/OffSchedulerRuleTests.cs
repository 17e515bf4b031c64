using static Orchestrator.Analyzers.Tests.AnalyzerVerifier;

namespace Orchestrator.Analyzers.Tests;

public sealed class OffSchedulerRuleTests
{
    [Theory]
    [InlineData("await [|Task.Run(() => 42)|];")]
    [InlineData("await [|Task.Factory.StartNew(() => 42)|];")]
    [InlineData("await [|Task<int>.Factory.StartNew(() => 42)|];")]
    [InlineData("var thread = [|new Thread(() => { })|];")]
    [InlineData("[|ThreadPool.QueueUserWorkItem(_ => { })|];")]
    [InlineData("[|Parallel.For(0, 10, _ => { })|];")]
    [InlineData("[|Parallel.ForEach(new[] { 1, 2 }, _ => { })|];")]
    [InlineData("await [|ctx.CallActivityAsync<int>(\"Charge\").ConfigureAwait(false)|];")]
    [InlineData("await [|ctx.CreateTimerAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(false)|];")]
    [InlineData("await [|ctx.CreateTimerAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(ConfigureAwaitOptions.None)|];")]
    public async Task Analyze_WorkOffTheSchedulerInWorkflow_ReportsOrch005(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH005");
    }

    [Theory]
    [InlineData("await ctx.CallActivityAsync<int>(\"Charge\").ConfigureAwait(true);")]
    [InlineData("await ctx.CreateTimerAsync(TimeSpan.FromSeconds(1)).ConfigureAwait(ConfigureAwaitOptions.ContinueOnCapturedContext);")]
    [InlineData("await Task.WhenAll(ctx.CallActivityAsync<int>(\"A\"), ctx.CallActivityAsync<int>(\"B\"));")]
    [InlineData("var done = Task.CompletedTask; var result = Task.FromResult(1);")]
    public async Task Analyze_SchedulerFriendlyTaskUse_ReportsNothing(string statement)
    {
        await VerifyAsync(InWorkflow(statement), "ORCH005");
    }
}
