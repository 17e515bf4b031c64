namespace Orchestrator.Core.History;

/// <summary>The workflow started a sub-workflow; EventId is the task id.</summary>

public sealed record SubOrchestrationInstanceCreated(int EventId, DateTime Timestamp, string InstanceId, string Name, string? Version, string? Input, string? Agent = null, IReadOnlyDictionary<string, string>? Tags = null) : HistoryEvent(EventId, Timestamp);
