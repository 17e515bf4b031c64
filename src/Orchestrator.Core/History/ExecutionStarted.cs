using System.Text.Json.Serialization;

namespace Orchestrator.Core.History;

/// <summary>The instance started (or a new generation began after continue-as-new).</summary>
/// <remarks>
/// <see cref="Agent"/> is set for agent runs: the agent every step of this instance acts as. <see cref="Generation"/>
/// counts continue-as-new (0 for the first run); the default ids of sub-workflows include it after the first run, so a
/// new generation does not reuse the ids of the children the last one started.
/// </remarks>
public sealed record ExecutionStarted(
    int EventId,
    DateTime Timestamp,
    string Name,
    string? Version,
    string? Input,
    string ExecutionId,
    ParentInstanceInfo? Parent,
    string? StartedBy,
    string? Agent = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] int Generation = 0) : HistoryEvent(EventId, Timestamp);
