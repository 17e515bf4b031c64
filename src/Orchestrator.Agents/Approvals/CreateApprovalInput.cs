namespace Orchestrator.Agents.Approvals;

/// <summary>The input of the step that stores a human task (recorded in history).</summary>
/// <param name="TaskId">The task id (derived from the instance, stable on replay).</param>
/// <param name="InstanceId">The waiting instance.</param>
/// <param name="Workflow">Its workflow.</param>
/// <param name="Request">What is asked.</param>
/// <param name="DueAt">When it times out.</param>
/// <param name="Agent">The agent that asks.</param>
/// <param name="OnBehalfOf">The person it acts for.</param>
public sealed record CreateApprovalInput(string TaskId, string InstanceId, string Workflow, ApprovalRequest Request, DateTime? DueAt, string? Agent, string? OnBehalfOf);
