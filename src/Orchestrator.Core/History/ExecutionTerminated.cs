using System.Text.Json.Serialization;

namespace Orchestrator.Core.History;

/// <summary>An operator asked the instance to terminate. <see cref="By"/> is the user who asked, when one did.</summary>
public sealed record ExecutionTerminated(
    int EventId,
    DateTime Timestamp,
    string? Reason,
    bool Recurse,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? By = null) : HistoryEvent(EventId, Timestamp);
