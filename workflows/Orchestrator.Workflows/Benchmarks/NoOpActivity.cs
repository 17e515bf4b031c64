using Orchestrator.Core;

namespace Orchestrator.Workflows.Benchmarks;

/// <summary>
/// Does no work and hands its input back: what the benchmark samples measure is the engine's cost per step
/// (schedule, dispatch, commit, resume), so the step itself must cost nothing.
/// </summary>
[Activity(Name)]
public sealed class NoOpActivity : Activity<int?, int?>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "samples.noop";

    public override Task<int?> RunAsync(ActivityContext context, int? input) => Task.FromResult(input);
}
