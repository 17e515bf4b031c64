using System.Text.Json;

namespace Orchestrator.Server.Contracts;

/// <summary>One human task (approval), as listed by <c>GET /api/approvals</c> and answered by a decision.</summary>
/// <param name="TaskId">The task id.</param>
/// <param name="InstanceId">The instance that waits for the decision.</param>
/// <param name="Workflow">That instance's workflow.</param>
/// <param name="Title">A one-line title.</param>
/// <param name="Details">What is asked and why, in Markdown.</param>
/// <param name="Proposed">The proposed action, as JSON.</param>
/// <param name="ProposedSchema">The JSON schema of the proposed action, when known.</param>
/// <param name="AssignTo">Who may decide: <c>user:&lt;name&gt;</c> or <c>role:&lt;role&gt;</c> entries.</param>
/// <param name="RequestedBy">The agent that asks and the person it acts for.</param>
/// <param name="CreatedAt">When it was created (UTC).</param>
/// <param name="DueAt">When the request times out (UTC), if it does.</param>
/// <param name="Status"><c>pending</c>, <c>approved</c>, <c>rejected</c>, <c>expired</c> or <c>withdrawn</c> (the workflow no longer waits for it).</param>
/// <param name="DecidedBy">Who decided.</param>
/// <param name="DecidedAt">When it was decided, expired or withdrawn (UTC).</param>
/// <param name="Comment">The approver's comment.</param>
/// <param name="Edits">The approver's edits to the proposed action, as JSON.</param>
/// <param name="WorkflowDisplayName">What people call the waiting instance's workflow: a flow's title, the asking agent, else the workflow name.</param>
/// <remarks>Not sealed: <see cref="ApprovalDetails"/> is this task plus its context.</remarks>
internal record ApprovalItem(
    string TaskId,
    string InstanceId,
    string Workflow,
    string Title,
    string? Details,
    JsonElement? Proposed,
    JsonElement? ProposedSchema,
    IReadOnlyList<string> AssignTo,
    ApprovalRequester RequestedBy,
    DateTime CreatedAt,
    DateTime? DueAt,
    string Status,
    string? DecidedBy,
    DateTime? DecidedAt,
    string? Comment,
    JsonElement? Edits,
    string WorkflowDisplayName);
