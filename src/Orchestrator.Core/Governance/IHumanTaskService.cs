namespace Orchestrator.Core.Governance;

/// <summary>Creates, decides and resolves human tasks; a decision wakes the waiting instance.</summary>
public interface IHumanTaskService
{
    /// <summary>Creates the task, or returns the existing one with the same id (creation is idempotent).</summary>
    /// <param name="task">The task (Pending).</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The stored task.</returns>
    Task<HumanTask> CreateAsync(HumanTask task, CancellationToken cancellationToken = default);

    /// <summary>Decides a task for a caller and delivers the decision to the waiting instance, atomically.</summary>
    /// <param name="taskId">The task.</param>
    /// <param name="approve">True to approve, false to reject.</param>
    /// <param name="user">The caller's user name.</param>
    /// <param name="roles">The caller's roles.</param>
    /// <param name="comment">A comment.</param>
    /// <param name="editsJson">Edits to the proposed action, as JSON.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>What happened, with the task as it is now.</returns>
    Task<HumanTaskDecisionResult> DecideAsync(
        string taskId, bool approve, string user, IReadOnlyList<string> roles, string? comment, string? editsJson, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies a timeout rule to a task that is still pending: expire/approve/reject it as the system, or escalate it to
    /// new assignees with a new due time. Returns the task as it is now; if a person decided first, that decision stands.
    /// </summary>
    /// <param name="taskId">The task.</param>
    /// <param name="status">The new status (Pending to escalate).</param>
    /// <param name="assignTo">New assignees when escalating.</param>
    /// <param name="dueAt">New due time when escalating.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The task after the change (or unchanged when it was already decided).</returns>
    Task<HumanTask> ResolveAsync(string taskId, HumanTaskStatus status, IReadOnlyList<string>? assignTo, DateTime? dueAt, CancellationToken cancellationToken = default);

    /// <summary>One task, or null.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The task.</returns>
    Task<HumanTask?> GetAsync(string taskId, CancellationToken cancellationToken = default);

    /// <summary>Tasks matching the query.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The tasks.</returns>
    Task<IReadOnlyList<HumanTask>> QueryAsync(HumanTaskQuery query, CancellationToken cancellationToken = default);
}
