namespace Orchestrator.Core.Storage;

/// <summary>A stored flow definition: the draft (no <see cref="Version"/>) or a published, immutable version.</summary>
/// <param name="DefinitionId">The definition id (the workflow name instances are started with).</param>
/// <param name="Version">The version number, or null for the draft.</param>
/// <param name="Name">The display name.</param>
/// <param name="Json">The Elsa 3 definition JSON.</param>
/// <param name="SavedAt">When it was saved or published (UTC).</param>
/// <param name="SavedBy">Who saved or published it.</param>
public sealed record FlowDefinitionRecord(string DefinitionId, int? Version, string Name, string Json, DateTime SavedAt, string? SavedBy);
