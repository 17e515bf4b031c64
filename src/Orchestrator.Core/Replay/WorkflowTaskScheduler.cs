namespace Orchestrator.Core.Replay;

/// <summary>
/// Runs workflow code on the thread that drains it, one continuation at a time, so that a turn is deterministic
/// and the engine knows when the code has nothing left to do.
/// </summary>
internal sealed class WorkflowTaskScheduler : TaskScheduler
{
    private readonly Queue<Task> _queue = new();

    public override int MaximumConcurrencyLevel => 1;

    /// <summary>Runs queued continuations until the workflow code is blocked on something not yet available.</summary>
    public void Drain()
    {
        while (_queue.TryDequeue(out var task))
        {
            TryExecuteTask(task);
        }
    }

    protected override void QueueTask(Task task) => _queue.Enqueue(task);

    protected override bool TryExecuteTaskInline(Task task, bool taskWasPreviouslyQueued) => false;

    protected override IEnumerable<Task> GetScheduledTasks() => [.. _queue];
}
