using System.Text.Json.Serialization;

namespace Orchestrator.Core.History;

/// <summary>An operator restarted a failed instance from its failed step. <see cref="By"/> is the user who asked, when one did.</summary>
public sealed record ExecutionRewound(
    int EventId,
    DateTime Timestamp,
    string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By = null) : HistoryEvent(EventId, Timestamp);
