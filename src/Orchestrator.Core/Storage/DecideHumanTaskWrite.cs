using Orchestrator.Core.Governance;

namespace Orchestrator.Core.Storage;

/// <summary>
/// Decides a pending human task and, in the same transaction, puts the decision event into the waiting instance's
/// inbox. Unknown task: NotFound. Caller not an assignee (see <see cref="HumanTask.IsAssignee"/>): Forbidden.
/// Not pending, or past its due time: Conflict. Nothing is written unless the outcome is Done
/// (then InboxIds holds the event's inbox id).
/// </summary>
/// <param name="TaskId">The task.</param>
/// <param name="Status">Approved or Rejected.</param>
/// <param name="DecidedBy">The caller's user name.</param>
/// <param name="CallerRoles">The caller's roles.</param>
/// <param name="Comment">The comment.</param>
/// <param name="EditsJson">Edits to the proposed action.</param>
/// <param name="Now">The decision time.</param>
public sealed record DecideHumanTaskWrite(
    string TaskId,
    HumanTaskStatus Status,
    string DecidedBy,
    IReadOnlyList<string> CallerRoles,
    string? Comment,
    string? EditsJson,
    DateTime Now) : StoreWrite
{
    /// <summary>The audit record of the decision; appended only when the outcome is Done.</summary>
    public AuditEntry? Audit { get; init; }
}
