using Orchestrator.Core;

namespace Orchestrator.Workflows.Benchmarks;

/// <summary>
/// Runs <c>steps</c> no-op activities one after another. Each step is one full round trip through the engine
/// (record, commit, dispatch, complete, resume), so the run time divided by <c>steps</c> is the per-step overhead,
/// and a deployment check with a few steps proves that workers, store and dispatch all work end to end.
/// </summary>
/// <remarks>Fixed contract used by the benchmarks and deployment checks: do not change its name or JSON shape.</remarks>
[Workflow(Name, Description = "Runs n no-op activities in sequence (benchmark and deployment check).")]
public sealed class SequenceWorkflow : Workflow<SequenceRequest, SequenceResult>
{
    /// <summary>The name clients start it by.</summary>
    public const string Name = "samples.sequence";

    public override async Task<SequenceResult> RunAsync(WorkflowContext ctx, SequenceRequest input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var steps = BenchmarkInput.RequireCount(input?.Steps, "steps");

        for (var step = 0; step < steps; step++)
        {
            await ctx.CallActivityAsync<int?>(NoOpActivity.Name, step);
        }

        return new SequenceResult(steps);
    }
}
