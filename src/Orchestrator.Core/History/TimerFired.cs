namespace Orchestrator.Core.History;

/// <summary>A durable timer came due.</summary>

public sealed record TimerFired(int EventId, DateTime Timestamp, DateTime FireAt, int TimerId) : HistoryEvent(EventId, Timestamp);
