using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Definitions;

/// <summary>A draft that was saved.</summary>
/// <param name="DefinitionId">The definition id (generated when the document had none).</param>
/// <param name="Name">The display name.</param>
/// <param name="SavedAt">When it was saved (UTC).</param>
/// <param name="Problems">What would stop it from being published; a draft is saved with problems.</param>
public sealed record FlowDraftSaved(string DefinitionId, string Name, DateTime SavedAt, IReadOnlyList<FlowProblem> Problems);
