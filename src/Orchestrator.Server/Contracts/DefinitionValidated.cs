namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>POST /api/definitions/validate</c>.</summary>
/// <param name="Problems">Every problem; empty when the flow can be published.</param>
internal sealed record DefinitionValidated(IReadOnlyList<DefinitionProblem> Problems);
