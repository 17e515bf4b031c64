namespace Orchestrator.Agents;

/// <summary>When a tool call needs a person's approval, who decides, and what happens if nobody does.</summary>
public sealed record ToolApprovalRule
{
    /// <summary>Never ask.</summary>
    public static ToolApprovalRule Never { get; } = new() { Mode = ApprovalMode.Never };

    /// <summary><c>Never</c>, <c>Always</c>, or <c>When</c> <see cref="Condition"/> holds.</summary>
    public ApprovalMode Mode { get; init; } = ApprovalMode.Always;

    /// <summary>A JavaScript expression over the tool's arguments, e.g. <c>amount &gt; 500</c> (sandboxed).</summary>
    public string? Condition { get; init; }

    /// <summary>Who may decide (<c>user:&lt;name&gt;</c>, <c>role:&lt;role&gt;</c>).</summary>
    public IReadOnlyList<string> AssignTo { get; init; } = ["role:approver"];

    /// <summary>How long the approvers have. Null: no limit.</summary>
    public TimeSpan? DueIn { get; init; }

    /// <summary>What happens when nobody decides in time.</summary>
    public Approvals.ApprovalTimeoutAction OnTimeout { get; init; } = Approvals.ApprovalTimeoutAction.Reject;

    /// <summary>Who gets the task when it escalates.</summary>
    public IReadOnlyList<string>? EscalateTo { get; init; }
}
