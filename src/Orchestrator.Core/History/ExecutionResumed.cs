namespace Orchestrator.Core.History;

/// <summary>An operator resumed a suspended instance.</summary>

public sealed record ExecutionResumed(int EventId, DateTime Timestamp, string? Reason) : HistoryEvent(EventId, Timestamp);
