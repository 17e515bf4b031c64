namespace Orchestrator.Core.History;

/// <summary>The workflow scheduled an activity; EventId is the task id.</summary>

/// <remarks><see cref="Agent"/> and <see cref="OnBehalfOf"/> record the principal pair the call runs as.</remarks>
public sealed record TaskScheduled(int EventId, DateTime Timestamp, string Name, string? Input, string? Agent = null, string? OnBehalfOf = null) : HistoryEvent(EventId, Timestamp);
