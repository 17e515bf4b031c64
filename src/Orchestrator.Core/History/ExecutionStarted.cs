namespace Orchestrator.Core.History;

/// <summary>The instance started (or a new generation began after continue-as-new).</summary>

/// <remarks><see cref="Agent"/> is set for agent runs: the agent every step of this instance acts as.</remarks>
public sealed record ExecutionStarted(int EventId, DateTime Timestamp, string Name, string? Version, string? Input, string ExecutionId, ParentInstanceInfo? Parent, string? StartedBy, string? Agent = null) : HistoryEvent(EventId, Timestamp);
