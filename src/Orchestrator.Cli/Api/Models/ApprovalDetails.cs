using System.Text.Json;

namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/approvals/{taskId}</c>: the task, its context and the steps that led to it.</summary>
internal sealed record ApprovalDetails : ApprovalItem
{
    /// <summary>What the requester stored for the approver, e.g. the conversation so far.</summary>
    public JsonElement? Context { get; init; }

    /// <summary>The waiting instance's steps up to the request.</summary>
    public IReadOnlyList<HistoryStep> Steps { get; init; } = [];
}
