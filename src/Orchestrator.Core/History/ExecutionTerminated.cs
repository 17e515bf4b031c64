namespace Orchestrator.Core.History;

/// <summary>An operator asked the instance to terminate.</summary>

public sealed record ExecutionTerminated(int EventId, DateTime Timestamp, string? Reason, bool Recurse) : HistoryEvent(EventId, Timestamp);
