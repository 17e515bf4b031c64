namespace Orchestrator.Core.Governance;

/// <summary>The decision event's payload, as the waiting workflow receives it.</summary>
/// <param name="TaskId">The task.</param>
/// <param name="Status">Approved, Rejected or Expired.</param>
/// <param name="DecidedBy">Who decided (<c>system</c> for a timeout rule).</param>
/// <param name="DecidedAt">When.</param>
/// <param name="Comment">The comment.</param>
/// <param name="EditsJson">Edits to the proposed action, as JSON.</param>
public sealed record HumanTaskDecision(string TaskId, HumanTaskStatus Status, string DecidedBy, DateTime DecidedAt, string? Comment, string? EditsJson);
