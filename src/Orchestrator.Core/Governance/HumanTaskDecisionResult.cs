namespace Orchestrator.Core.Governance;

/// <summary>The result of a decision attempt.</summary>
/// <param name="Outcome">Decided, NotFound, Forbidden (not an assignee) or Conflict (already decided or expired).</param>
/// <param name="Task">The task as it is now (null when not found).</param>
public sealed record HumanTaskDecisionResult(HumanTaskDecisionOutcome Outcome, HumanTask? Task);
