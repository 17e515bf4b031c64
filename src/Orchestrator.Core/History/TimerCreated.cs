namespace Orchestrator.Core.History;

/// <summary>The workflow created a durable timer; EventId is the timer id.</summary>

public sealed record TimerCreated(int EventId, DateTime Timestamp, DateTime FireAt) : HistoryEvent(EventId, Timestamp);
