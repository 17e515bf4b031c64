using Orchestrator.Core.History;

namespace Orchestrator.Core.Replay;

/// <summary>Something the workflow awaits that a later history event completes: an activity, timer or sub-workflow.</summary>
internal sealed class OpenTask(HistoryEvent action, RetryPolicy? retry)
{
    public TaskCompletionSource<string?> Completion { get; } = new();

    /// <summary>The action that opened it (<see cref="TaskScheduled"/>, <see cref="TimerCreated"/>, <see cref="SubOrchestrationInstanceCreated"/>).</summary>
    public HistoryEvent Action { get; } = action;

    public RetryPolicy? Retry { get; } = retry;

    public int Id => Action.EventId;
}
