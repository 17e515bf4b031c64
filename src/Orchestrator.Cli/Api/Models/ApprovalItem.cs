using System.Text.Json;

namespace Orchestrator.Cli.Api.Models;

/// <summary>
/// One human task from <c>GET /api/approvals</c>, also the answer of a decision.
/// Not sealed: <see cref="ApprovalDetails"/> is this task plus what led to it.
/// </summary>
internal record ApprovalItem
{
    public required string TaskId { get; init; }

    public required string InstanceId { get; init; }

    public required string Workflow { get; init; }

    /// <summary>What people call the workflow: a flow's title, the asking agent, else the workflow name.</summary>
    public string? WorkflowDisplayName { get; init; }

    public required string Title { get; init; }

    /// <summary><c>pending</c>, <c>approved</c>, <c>rejected</c>, <c>expired</c> or <c>withdrawn</c>.</summary>
    public required string Status { get; init; }

    /// <summary>What is asked and why, in Markdown.</summary>
    public string? Details { get; init; }

    /// <summary>The proposed action the approver may edit.</summary>
    public JsonElement? Proposed { get; init; }

    /// <summary>Who may decide: <c>user:&lt;name&gt;</c> and <c>role:&lt;role&gt;</c> entries.</summary>
    public IReadOnlyList<string> AssignTo { get; init; } = [];

    public ApprovalRequester? RequestedBy { get; init; }

    public DateTimeOffset? CreatedAt { get; init; }

    public DateTimeOffset? DueAt { get; init; }

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Comment { get; init; }

    /// <summary>The approver's changes to the proposed action.</summary>
    public JsonElement? Edits { get; init; }
}
