namespace Orchestrator.Core.History;

/// <summary>The instance started (or a new generation began after continue-as-new).</summary>

public sealed record ExecutionStarted(int EventId, DateTime Timestamp, string Name, string? Version, string? Input, string ExecutionId, ParentInstanceInfo? Parent, string? StartedBy) : HistoryEvent(EventId, Timestamp);
