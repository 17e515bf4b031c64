namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>POST /api/definitions/import</c>.</summary>
/// <param name="DefinitionId">The definition id.</param>
/// <param name="Version">The published version when the import published; null when only the draft was saved.</param>
/// <param name="Problems">The validation problems of the imported flow.</param>
internal sealed record DefinitionImported(string DefinitionId, int? Version, IReadOnlyList<DefinitionProblem> Problems);
