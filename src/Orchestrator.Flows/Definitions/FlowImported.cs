using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Definitions;

/// <summary>An imported definition.</summary>
/// <param name="DefinitionId">The definition id.</param>
/// <param name="Version">The published version, when the import published (or the flow was already published unchanged).</param>
/// <param name="Problems">The validation problems of the draft.</param>
public sealed record FlowImported(string DefinitionId, int? Version, IReadOnlyList<FlowProblem> Problems);
