namespace Orchestrator.Server.Contracts;

/// <summary>A designer flow definition in the list.</summary>
/// <param name="DefinitionId">Its id (the workflow name its published versions run as).</param>
/// <param name="Name">The display name (of the draft, else of the latest version).</param>
/// <param name="Description">What it does.</param>
/// <param name="HasDraft">Whether it has a draft.</param>
/// <param name="DraftSavedAt">When the draft was saved (UTC), or null.</param>
/// <param name="DraftSavedBy">Who saved the draft, or null.</param>
/// <param name="LatestVersion">The latest published version, or null when none is published.</param>
/// <param name="Versions">Every published version, oldest first.</param>
internal sealed record DefinitionListItem(
    string DefinitionId,
    string Name,
    string? Description,
    bool HasDraft,
    DateTime? DraftSavedAt,
    string? DraftSavedBy,
    int? LatestVersion,
    IReadOnlyList<int> Versions);
