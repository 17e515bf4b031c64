namespace Orchestrator.Core.Client;

/// <summary>The started (or existing) instance.</summary>
/// <param name="InstanceId">The id.</param>
/// <param name="Created">False when an identical instance already existed.</param>
public sealed record StartWorkflowResult(string InstanceId, bool Created);
