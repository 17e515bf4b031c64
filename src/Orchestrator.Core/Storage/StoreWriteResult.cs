namespace Orchestrator.Core.Storage;

/// <summary>The result of one <see cref="StoreWrite"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="Enqueued">The inbox messages the write put in, with their ids, in the order they were written: the
/// <c>ExecutionStarted</c> of a created instance (and of a commit's children), an enqueued event, a decision's event,
/// a commit's messages to other instances that are still running, and for a child whose id was taken the failure put
/// into the committing instance's inbox instead. The engine delivers exactly these, and nothing else, once the write
/// has committed.</param>
/// <param name="Existing">For a create that found the instance: the stored one.</param>
public sealed record StoreWriteResult(WriteOutcome Outcome, IReadOnlyList<InboxMessage> Enqueued, InstanceRecord? Existing = null)
{
    /// <summary>A plain success.</summary>
    public static StoreWriteResult Ok { get; } = new(WriteOutcome.Done, []);
}
