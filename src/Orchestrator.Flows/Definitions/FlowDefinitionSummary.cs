namespace Orchestrator.Flows.Definitions;

/// <summary>One definition in the list: its draft and its published versions.</summary>
/// <param name="DefinitionId">The definition id.</param>
/// <param name="Name">The display name (of the draft, else of the latest version).</param>
/// <param name="Description">What it does.</param>
/// <param name="HasDraft">Whether it has a draft.</param>
/// <param name="DraftSavedAt">When the draft was saved.</param>
/// <param name="DraftSavedBy">Who saved the draft.</param>
/// <param name="LatestVersion">The latest published version, or null.</param>
/// <param name="Versions">Every published version, oldest first.</param>
public sealed record FlowDefinitionSummary(
    string DefinitionId,
    string Name,
    string? Description,
    bool HasDraft,
    DateTime? DraftSavedAt,
    string? DraftSavedBy,
    int? LatestVersion,
    IReadOnlyList<int> Versions);
