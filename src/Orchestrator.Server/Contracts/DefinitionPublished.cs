namespace Orchestrator.Server.Contracts;

/// <summary>The answer of a publish: the draft is now this immutable version.</summary>
/// <param name="DefinitionId">The definition id (the workflow name).</param>
/// <param name="Version">The new version number.</param>
/// <param name="PublishedAt">When it was published (UTC).</param>
internal sealed record DefinitionPublished(string DefinitionId, int Version, DateTime PublishedAt);
