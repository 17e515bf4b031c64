namespace Orchestrator.Core.History;

/// <summary>A sub-workflow ended in any status other than Completed.</summary>

public sealed record SubOrchestrationInstanceFailed(int EventId, DateTime Timestamp, int TaskScheduledId, FailureDetails Failure) : HistoryEvent(EventId, Timestamp);
