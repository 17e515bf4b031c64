namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>POST /api/definitions/import</c>.</summary>
internal sealed record DefinitionImport(string DefinitionId, int? Version = null, IReadOnlyList<DefinitionProblem>? Problems = null);
