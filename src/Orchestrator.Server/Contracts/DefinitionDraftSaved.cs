namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>POST /api/definitions</c>: the draft was saved (its problems do not block saving).</summary>
/// <param name="DefinitionId">The definition id (generated when the body had none).</param>
/// <param name="Name">The display name.</param>
/// <param name="SavedAt">When it was saved (UTC).</param>
/// <param name="Problems">What must be fixed before it can be published.</param>
internal sealed record DefinitionDraftSaved(string DefinitionId, string Name, DateTime SavedAt, IReadOnlyList<DefinitionProblem> Problems);
