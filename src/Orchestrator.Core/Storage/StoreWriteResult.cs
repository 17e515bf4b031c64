namespace Orchestrator.Core.Storage;

/// <summary>The result of one <see cref="StoreWrite"/>.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="InboxIds">Inbox message ids assigned: the <c>ExecutionStarted</c> of a created instance, the enqueued event,
/// or for a commit the ids of its <see cref="InstanceCommit.NewInstances"/> followed by its <see cref="InstanceCommit.Messages"/> (0 when dropped).</param>
/// <param name="Existing">For a create that found the instance: the stored one.</param>
public sealed record StoreWriteResult(WriteOutcome Outcome, IReadOnlyList<long> InboxIds, InstanceRecord? Existing = null)
{
    /// <summary>For a commit: the positions in <see cref="InstanceCommit.NewInstances"/> whose id was taken. Their entry in
    /// <see cref="InboxIds"/> is the id of their <see cref="NewInstance.IfIdTaken"/> event in the committing instance's inbox.</summary>
    public IReadOnlyList<int> TakenIds { get; init; } = [];

    /// <summary>A plain success.</summary>
    public static StoreWriteResult Ok { get; } = new(WriteOutcome.Done, []);
}
