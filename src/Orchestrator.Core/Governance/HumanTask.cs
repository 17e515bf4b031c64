using Orchestrator.Core.Client;

namespace Orchestrator.Core.Governance;

/// <summary>
/// A durable request for a person's decision (an approval): who may decide, what is proposed, until when, and,
/// once decided, who decided what. Decisions reach the waiting instance as the event <see cref="EventName"/>.
/// </summary>
public sealed record HumanTask
{
    /// <summary>The task id (stable across replays of the requesting workflow).</summary>
    public required string TaskId { get; init; }

    /// <summary>The instance that waits for the decision.</summary>
    public required string InstanceId { get; init; }

    /// <summary>That instance's workflow name.</summary>
    public required string Workflow { get; init; }

    /// <summary>A one-line title.</summary>
    public required string Title { get; init; }

    /// <summary>Details in Markdown: what is asked and why.</summary>
    public string? Details { get; init; }

    /// <summary>The proposed action as JSON (e.g. a tool's arguments); approvers may edit it.</summary>
    public string? ProposedJson { get; init; }

    /// <summary>The JSON schema of the proposed action, when known (for editing forms).</summary>
    public string? ProposedSchemaJson { get; init; }

    /// <summary>Who may decide: <c>user:&lt;name&gt;</c> or <c>role:&lt;role&gt;</c> entries.</summary>
    public required IReadOnlyList<string> AssignTo { get; init; }

    /// <summary>The agent that asks, if an agent asks.</summary>
    public string? RequestedByAgent { get; init; }

    /// <summary>The person on whose behalf it asks.</summary>
    public string? OnBehalfOf { get; init; }

    /// <summary>Context for the approver (e.g. the conversation so far), as JSON.</summary>
    public string? ContextJson { get; init; }

    /// <summary>When the task was created.</summary>
    public required DateTime CreatedAt { get; init; }

    /// <summary>When the request times out, if it does.</summary>
    public DateTime? DueAt { get; init; }

    /// <summary>The state of the task.</summary>
    public HumanTaskStatus Status { get; init; } = HumanTaskStatus.Pending;

    /// <summary>Who decided.</summary>
    public string? DecidedBy { get; init; }

    /// <summary>When it was decided or expired.</summary>
    public DateTime? DecidedAt { get; init; }

    /// <summary>The approver's comment.</summary>
    public string? Comment { get; init; }

    /// <summary>The approver's edits to the proposed action, as JSON.</summary>
    public string? EditsJson { get; init; }

    /// <summary>The role that may decide every task.</summary>
    public const string AdminRole = "admin";

    /// <summary>The event the waiting instance receives when the task is decided.</summary>
    public string EventName => EventNameFor(TaskId);

    /// <summary>The event name used for a task's decision.</summary>
    /// <param name="taskId">The task id.</param>
    /// <returns><c>approval:&lt;taskId&gt;</c>.</returns>
    public static string EventNameFor(string taskId) => ReservedEvents.ApprovalPrefix + taskId;

    /// <summary>The task id an event name of <see cref="EventNameFor"/> carries, or null for any other name.</summary>
    /// <param name="eventName">An event name such as <c>approval:&lt;taskId&gt;</c>.</param>
    /// <returns>The task id, or null.</returns>
    public static string? TaskIdOf(string eventName)
    {
        ArgumentNullException.ThrowIfNull(eventName);
        return eventName.StartsWith(ReservedEvents.ApprovalPrefix, StringComparison.Ordinal) && eventName.Length > ReservedEvents.ApprovalPrefix.Length ? eventName[ReservedEvents.ApprovalPrefix.Length..] : null;
    }

    /// <summary>Whether a caller with this name and these roles may decide the task (admins may decide any).</summary>
    /// <param name="user">The caller's user name.</param>
    /// <param name="roles">The caller's roles.</param>
    /// <returns>True when the caller is an assignee.</returns>
    public bool IsAssignee(string user, IEnumerable<string> roles) =>
        DecidableBy(user, roles) is not { } entries || AssignTo.Any(entries.Contains);

    /// <summary>
    /// The one rule of who may decide, as assignee entries: a task is the caller's to decide when its
    /// <see cref="AssignTo"/> holds any of them (<c>user:&lt;name&gt;</c>, <c>role:&lt;role&gt;</c> for each role). Null for an
    /// administrator, who may decide every task; <see cref="HumanTaskQuery.AnyAssignee"/> takes it as it is.
    /// </summary>
    /// <param name="user">The caller's user name.</param>
    /// <param name="roles">The caller's roles.</param>
    /// <returns>The entries, or null for no restriction.</returns>
    public static IReadOnlyList<string>? DecidableBy(string user, IEnumerable<string> roles)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles as IReadOnlyCollection<string> ?? [.. roles];
        return list.Contains(AdminRole) ? null : ["user:" + user, .. list.Select(role => "role:" + role)];
    }
}
