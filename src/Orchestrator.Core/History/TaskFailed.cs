namespace Orchestrator.Core.History;

/// <summary>An activity failed after its last attempt.</summary>

public sealed record TaskFailed(int EventId, DateTime Timestamp, int TaskScheduledId, FailureDetails Failure, int Attempt) : HistoryEvent(EventId, Timestamp);
