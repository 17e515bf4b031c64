namespace Orchestrator.Core.History;

/// <summary>An operator restarted a failed instance from its failed step.</summary>

public sealed record ExecutionRewound(int EventId, DateTime Timestamp, string? Reason) : HistoryEvent(EventId, Timestamp);
