using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>GET /api/approvals/{taskId}</c>: the task with what led to it.</summary>
internal sealed record ApprovalDetails : ApprovalItem
{
    /// <summary>Creates the details of <paramref name="task"/>.</summary>
    /// <param name="task">The task.</param>
    /// <param name="context">The context the requester stored for the approver (e.g. the conversation so far), as JSON.</param>
    /// <param name="steps">The waiting instance's steps up to now, as <c>GET /api/instances/{id}/history</c> shows them.</param>
    public ApprovalDetails(ApprovalItem task, JsonElement? context, IReadOnlyList<StepDto> steps)
        : base(task)
    {
        Context = context;
        Steps = steps;
    }

    /// <summary>The context the requester stored for the approver, as JSON.</summary>
    [JsonPropertyOrder(1)]
    public JsonElement? Context { get; init; }

    /// <summary>The waiting instance's steps up to now.</summary>
    [JsonPropertyOrder(2)]
    public IReadOnlyList<StepDto> Steps { get; init; }
}
