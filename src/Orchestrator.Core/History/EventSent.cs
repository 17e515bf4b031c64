namespace Orchestrator.Core.History;

/// <summary>The workflow sent an event to another instance; EventId is the action id.</summary>

public sealed record EventSent(int EventId, DateTime Timestamp, string InstanceId, string Name, string? Input) : HistoryEvent(EventId, Timestamp);
