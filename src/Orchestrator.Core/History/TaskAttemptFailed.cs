namespace Orchestrator.Core.History;

/// <summary>
/// One attempt of an activity failed and another one follows (at <paramref name="NextAttemptAt"/>). Recorded with the
/// retry's schedule, for people reading the history; the workflow never sees it (only the call's final result counts),
/// and replay skips it.
/// </summary>
/// <param name="EventId">Always -1.</param>
/// <param name="Timestamp">When the attempt failed (UTC).</param>
/// <param name="TaskScheduledId">The activity's task id.</param>
/// <param name="Attempt">The attempt that failed (1-based).</param>
/// <param name="Failure">Why it failed.</param>
/// <param name="NextAttemptAt">When the next attempt may start.</param>
public sealed record TaskAttemptFailed(int EventId, DateTime Timestamp, int TaskScheduledId, int Attempt, FailureDetails Failure, DateTime NextAttemptAt)
    : HistoryEvent(EventId, Timestamp);
