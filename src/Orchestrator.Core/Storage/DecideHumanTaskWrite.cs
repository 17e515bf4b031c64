using Orchestrator.Core.Governance;
using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>
/// Decides a pending human task and, in the same transaction, puts <see cref="Decision"/> (built by the engine, stored
/// as it is) into the waiting instance's inbox. Unknown task: NotFound. Caller not an assignee (see
/// <see cref="HumanTask.IsAssignee"/>): Forbidden. Not pending, past its due time, or the instance finished: Conflict.
/// Nothing is written unless the outcome is Done (then <see cref="StoreWriteResult.Enqueued"/> holds the event).
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
    /// <summary>The event the waiting instance receives (see <see cref="HumanTask.EventNameFor"/>).</summary>
    public required EventRaised Decision { get; init; }

    /// <summary>The audit record of the decision; appended only when the outcome is Done.</summary>
    public AuditEntry? Audit { get; init; }
}
