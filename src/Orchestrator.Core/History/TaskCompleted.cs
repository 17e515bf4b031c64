namespace Orchestrator.Core.History;

/// <summary>An activity returned a result.</summary>

public sealed record TaskCompleted(int EventId, DateTime Timestamp, int TaskScheduledId, string? Result, int Attempt) : HistoryEvent(EventId, Timestamp);
