namespace Orchestrator.Core.History;

/// <summary>The workflow scheduled an activity; EventId is the task id.</summary>

public sealed record TaskScheduled(int EventId, DateTime Timestamp, string Name, string? Input) : HistoryEvent(EventId, Timestamp);
