using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>An instance to create.</summary>
/// <param name="InstanceId">The id.</param>
/// <param name="Name">The workflow name.</param>
/// <param name="Version">The workflow version.</param>
/// <param name="Input">The input JSON.</param>
/// <param name="StartedBy">The person it acts for.</param>
/// <param name="Tags">Free-form tags for filtering.</param>
/// <param name="Parent">The parent, for sub-workflows.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="ExecutionId">The first generation's id.</param>
/// <param name="Agent">The agent this instance runs as, for agent runs.</param>
public sealed record NewInstance(
    string InstanceId,
    string Name,
    string? Version,
    string? Input,
    string? StartedBy,
    IReadOnlyDictionary<string, string>? Tags,
    ParentInstanceInfo? Parent,
    DateTime CreatedAt,
    string ExecutionId,
    string? Agent = null)
{
    /// <summary>
    /// For a sub-workflow: the event for the parent's inbox when the id belongs to an instance that exists already (the
    /// child is then not created, and the parent's step fails instead of waiting for an instance that is not its child).
    /// </summary>
    public HistoryEvent? IfIdTaken { get; init; }

    /// <summary>The inbox message that starts the instance.</summary>
    /// <returns>The <c>ExecutionStarted</c> event.</returns>
    public ExecutionStarted ToStartedEvent() =>
        new(-1, CreatedAt, Name, Version, Input, ExecutionId, Parent, StartedBy, Agent);
}
