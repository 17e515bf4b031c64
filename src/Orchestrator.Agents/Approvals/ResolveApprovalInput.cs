using Orchestrator.Core.Governance;

namespace Orchestrator.Agents.Approvals;

/// <summary>The input of the step that applies a timeout rule to a pending task.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Status">Expired/Approved/Rejected/Withdrawn, or Pending to escalate.</param>
/// <param name="AssignTo">New assignees when escalating.</param>
/// <param name="DueAt">New due time when escalating.</param>
public sealed record ResolveApprovalInput(string TaskId, HumanTaskStatus Status, IReadOnlyList<string>? AssignTo, DateTime? DueAt);
