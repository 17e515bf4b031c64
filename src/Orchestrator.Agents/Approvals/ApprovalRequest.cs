namespace Orchestrator.Agents.Approvals;

/// <summary>What a workflow asks a person to decide.</summary>
public sealed record ApprovalRequest
{
    /// <summary>A one-line title.</summary>
    public required string Title { get; init; }

    /// <summary>Details in Markdown.</summary>
    public string? Details { get; init; }

    /// <summary>The proposed action (editable by the approver), e.g. a tool's arguments.</summary>
    public object? Proposed { get; init; }

    /// <summary>The JSON schema of the proposed action, for editing forms.</summary>
    public System.Text.Json.JsonElement? ProposedSchema { get; init; }

    /// <summary>Who may decide (<c>user:&lt;name&gt;</c>, <c>role:&lt;role&gt;</c>).</summary>
    public IReadOnlyList<string> AssignTo { get; init; } = ["role:approver"];

    /// <summary>How long the approvers have; null for no limit.</summary>
    public TimeSpan? DueIn { get; init; }

    /// <summary>What happens at the due time.</summary>
    public ApprovalTimeoutAction OnTimeout { get; init; } = ApprovalTimeoutAction.Reject;

    /// <summary>Who gets the task on escalation (then it waits <see cref="DueIn"/> again, and rejects if still undecided).</summary>
    public IReadOnlyList<string>? EscalateTo { get; init; }

    /// <summary>Context for the approver, e.g. the conversation that led here.</summary>
    public object? Context { get; init; }
}
