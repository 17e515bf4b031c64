namespace Orchestrator.Cli.Api.Models;

/// <summary>One designer flow definition from <c>GET /api/definitions</c>.</summary>
internal sealed record DefinitionInfo(
    string DefinitionId,
    string? Name = null,
    string? Description = null,
    bool HasDraft = false,
    DateTimeOffset? DraftSavedAt = null,
    string? DraftSavedBy = null,
    int? LatestVersion = null,
    IReadOnlyList<int>? Versions = null);
