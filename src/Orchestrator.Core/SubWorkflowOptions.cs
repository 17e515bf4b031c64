namespace Orchestrator.Core;

/// <summary>Options for <see cref="WorkflowContext.CallSubWorkflowAsync{TResult}(string, object?, SubWorkflowOptions?)"/>.</summary>
public sealed record SubWorkflowOptions
{
    /// <summary>The child's instance id; by default <c>{parentId}:{taskId as 4 hex digits}</c>, stable across replays.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The workflow version to run; by default the registered one.</summary>
    public string? Version { get; init; }

    /// <summary>The agent the child runs as (its steps act as this agent on behalf of the same person).</summary>
    public string? Agent { get; init; }

    /// <summary>Tags for the child instance, e.g. <c>agent=support</c>.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }
}
