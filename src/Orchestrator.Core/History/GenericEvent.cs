namespace Orchestrator.Core.History;

/// <summary>A marker recorded by the workflow, such as a patch decision (Data = <c>patch:&lt;change-id&gt;</c>).</summary>

public sealed record GenericEvent(int EventId, DateTime Timestamp, string Data) : HistoryEvent(EventId, Timestamp);
