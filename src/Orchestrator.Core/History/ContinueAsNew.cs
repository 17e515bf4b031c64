namespace Orchestrator.Core.History;

/// <summary>The workflow asked to restart itself with new input and a fresh history.</summary>

public sealed record ContinueAsNew(int EventId, DateTime Timestamp, string? Input) : HistoryEvent(EventId, Timestamp);
