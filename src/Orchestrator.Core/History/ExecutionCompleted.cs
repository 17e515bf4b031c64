namespace Orchestrator.Core.History;

/// <summary>The instance reached a terminal status.</summary>

public sealed record ExecutionCompleted(int EventId, DateTime Timestamp, InstanceStatus Status, string? Result, FailureDetails? Failure) : HistoryEvent(EventId, Timestamp);
