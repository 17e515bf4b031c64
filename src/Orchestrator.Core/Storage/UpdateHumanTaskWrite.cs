using Orchestrator.Core.Governance;

namespace Orchestrator.Core.Storage;

/// <summary>
/// Changes a task that is still Pending, for its timeout rule: expire, approve or reject it as the system, or escalate
/// it (new assignees and due time, still Pending). A task that is no longer Pending is a Conflict: a person decided
/// first, and that decision stands.
/// </summary>
/// <param name="TaskId">The task.</param>
/// <param name="Status">The new status (Pending to escalate).</param>
/// <param name="AssignTo">New assignees, for escalation.</param>
/// <param name="DueAt">New due time, for escalation.</param>
/// <param name="Now">The time of the change.</param>
public sealed record UpdateHumanTaskWrite(string TaskId, HumanTaskStatus Status, IReadOnlyList<string>? AssignTo, DateTime? DueAt, DateTime Now) : StoreWrite
{
    /// <summary>The audit record of the change; appended only when the outcome is Done.</summary>
    public AuditEntry? Audit { get; init; }
}
