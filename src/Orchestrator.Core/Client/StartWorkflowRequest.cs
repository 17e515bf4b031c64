namespace Orchestrator.Core.Client;

/// <summary>What to start.</summary>
/// <param name="Workflow">The workflow name.</param>
public sealed record StartWorkflowRequest(string Workflow)
{
    /// <summary>The version; null for the registered one.</summary>
    public string? Version { get; init; }

    /// <summary>The input as JSON text.</summary>
    public string? InputJson { get; init; }

    /// <summary>A caller-chosen id (idempotent); null for a new GUID.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Tags for filtering.</summary>
    public IReadOnlyDictionary<string, string>? Tags { get; init; }

    /// <summary>The person the instance acts for.</summary>
    public string? StartedBy { get; init; }
}
