namespace Orchestrator.Core.History;

/// <summary>An operator suspended the instance; events wait until it is resumed.</summary>

public sealed record ExecutionSuspended(int EventId, DateTime Timestamp, string? Reason) : HistoryEvent(EventId, Timestamp);
