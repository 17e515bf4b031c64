namespace Orchestrator.Flows.Definitions;

/// <summary>A version that was published.</summary>
/// <param name="DefinitionId">The definition id (the workflow name).</param>
/// <param name="Version">The new version number.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
public sealed record FlowVersionPublished(string DefinitionId, int Version, DateTime PublishedAt);
