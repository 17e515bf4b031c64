namespace Orchestrator.Core.History;

/// <summary>A workflow turn began; its timestamp is the turn's deterministic current time.</summary>

public sealed record OrchestratorStarted(int EventId, DateTime Timestamp) : HistoryEvent(EventId, Timestamp);
