using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>An instance as loaded for execution.</summary>
/// <param name="Instance">The row.</param>
/// <param name="History">The current generation's history.</param>
/// <param name="Inbox">Unapplied inbox messages in arrival order.</param>
/// <param name="Activities">Open activity calls.</param>
public sealed record InstanceSnapshot(
    InstanceRecord Instance,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<InboxMessage> Inbox,
    IReadOnlyList<ActivityWorkItem> Activities);
