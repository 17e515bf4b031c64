namespace Orchestrator.Server.Contracts;

/// <summary>One failed attempt of an activity that was retried.</summary>
/// <param name="Attempt">The attempt's number (1-based).</param>
/// <param name="FailedAt">When it failed (UTC).</param>
/// <param name="Error">Why, in the shape of a step's error.</param>
internal sealed record StepAttemptDto(int Attempt, DateTime FailedAt, ErrorInfo Error);
