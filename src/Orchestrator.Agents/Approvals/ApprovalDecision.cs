using System.Text.Json;

namespace Orchestrator.Agents.Approvals;

/// <summary>The answer to an approval request.</summary>
/// <param name="TaskId">The human task.</param>
/// <param name="Approved">True when approved (by a person or by the timeout rule).</param>
/// <param name="DecidedBy">Who decided (<c>system</c> for a timeout rule).</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Comment">The approver's comment.</param>
/// <param name="Edits">The approver's edits to the proposed action (fields to replace), if any.</param>
/// <param name="TimedOut">True when the timeout rule decided.</param>
public sealed record ApprovalDecision(string TaskId, bool Approved, string DecidedBy, DateTime DecidedAt, string? Comment, JsonElement? Edits, bool TimedOut);
