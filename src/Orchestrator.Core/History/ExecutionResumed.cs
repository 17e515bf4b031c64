using System.Text.Json.Serialization;

namespace Orchestrator.Core.History;

/// <summary>An operator resumed a suspended instance. <see cref="By"/> is the user who asked, when one did.</summary>
public sealed record ExecutionResumed(
    int EventId,
    DateTime Timestamp,
    string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By = null) : HistoryEvent(EventId, Timestamp);
