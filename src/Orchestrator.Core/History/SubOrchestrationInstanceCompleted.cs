namespace Orchestrator.Core.History;

/// <summary>A sub-workflow completed.</summary>

public sealed record SubOrchestrationInstanceCompleted(int EventId, DateTime Timestamp, int TaskScheduledId, string? Result) : HistoryEvent(EventId, Timestamp);
