using System.Text.Json.Serialization;

namespace Orchestrator.Core.History;

/// <summary>An operator suspended the instance; events wait until it is resumed. <see cref="By"/> is the user who asked, when one did.</summary>
public sealed record ExecutionSuspended(
    int EventId,
    DateTime Timestamp,
    string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By = null) : HistoryEvent(EventId, Timestamp);
