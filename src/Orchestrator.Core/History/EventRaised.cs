namespace Orchestrator.Core.History;

/// <summary>An external event arrived for the instance.</summary>

public sealed record EventRaised(int EventId, DateTime Timestamp, string Name, string? Input) : HistoryEvent(EventId, Timestamp);
