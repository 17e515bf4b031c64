using Orchestrator.Core;

namespace Orchestrator.Workflows.Benchmarks;

/// <summary>
/// Schedules <c>items</c> no-op activities at once and waits for all of them. All calls are recorded in one step
/// and dispatched together, so this measures how well the engine batches commits and spreads work over the
/// activity workers, rather than the round-trip latency that <see cref="SequenceWorkflow"/> measures.
/// </summary>
/// <remarks>Fixed contract used by the benchmarks and deployment checks: do not change its name or JSON shape.</remarks>
[Workflow(Name, Description = "Runs n no-op activities in parallel (benchmark and deployment check).")]
public sealed class FanOutWorkflow : Workflow<FanOutRequest, FanOutResult>
{
    /// <summary>The name clients start it by.</summary>
    public const string Name = "samples.fan-out";

    public override async Task<FanOutResult> RunAsync(WorkflowContext ctx, FanOutRequest input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var items = BenchmarkInput.RequireCount(input?.Items, "items");

        var calls = new Task<int?>[items];
        for (var item = 0; item < items; item++)
        {
            calls[item] = ctx.CallActivityAsync<int?>(NoOpActivity.Name, item);
        }

        var results = await Task.WhenAll(calls);
        return new FanOutResult(results.Length);
    }
}
