using Orchestrator.Core.Governance;
using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>
/// The durable outcome of one workflow turn: the new history, the instance's new state, the queue items it consumed
/// and the work it produced. Applied atomically, before any of that work is dispatched.
/// </summary>
public sealed record InstanceCommit(string InstanceId) : StoreWrite
{
    /// <summary>The instance row's new state.</summary>
    public required InstanceUpdate Update { get; init; }

    /// <summary>Events to append to history (or the whole new history when <see cref="ReplaceHistory"/>).</summary>
    public IReadOnlyList<HistoryEvent> NewEvents { get; init; } = [];

    /// <summary>True when <see cref="NewEvents"/> replaces the stored history (continue-as-new, restart).</summary>
    public bool ReplaceHistory { get; init; }

    /// <summary>Inbox messages this turn applied; deleted.</summary>
    public IReadOnlyList<long> ConsumedInbox { get; init; } = [];

    /// <summary>Activity calls whose results this turn applied; deleted.</summary>
    public IReadOnlyList<int> FinishedActivities { get; init; } = [];

    /// <summary>Activity calls this turn scheduled.</summary>
    public IReadOnlyList<ActivityWorkItem> NewActivities { get; init; } = [];

    /// <summary>Timers this turn applied; deleted.</summary>
    public IReadOnlyList<int> FiredTimers { get; init; } = [];

    /// <summary>Timers this turn created.</summary>
    public IReadOnlyList<TimerWorkItem> NewTimers { get; init; } = [];

    /// <summary>True when the instance finished or restarted its history: all its open activities and timers are deleted.</summary>
    public bool ClearPendingWork { get; init; }

    /// <summary>True when every message in the instance's inbox is deleted, read or not (an instance the engine had to stop
    /// because its stored events cannot be run).</summary>
    public bool ClearInbox { get; init; }

    /// <summary>
    /// Sub-workflow instances to create. An id that exists already is not overwritten: nothing is created for it, and its
    /// <see cref="NewInstance.IfIdTaken"/> event goes to this instance's inbox (and into <see cref="StoreWriteResult.Enqueued"/>) instead.
    /// </summary>
    public IReadOnlyList<NewInstance> NewInstances { get; init; } = [];

    /// <summary>Events for other instances' inboxes; dropped for instances that do not exist or have finished.</summary>
    public IReadOnlyList<OutgoingMessage> Messages { get; init; } = [];

    /// <summary>Usage reported by the steps this turn applied; added to the usage table and the instance's totals.</summary>
    public IReadOnlyList<UsageRecord> Usage { get; init; } = [];

    /// <summary>Audit records of the steps this turn applied; appended to the hash chain in the same transaction.</summary>
    public IReadOnlyList<AuditEntry> Audit { get; init; } = [];
}
