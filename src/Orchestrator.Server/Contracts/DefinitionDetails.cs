using System.Text.Json.Nodes;

namespace Orchestrator.Server.Contracts;

/// <summary>A draft or a published version of a definition.</summary>
/// <param name="DefinitionId">The definition id.</param>
/// <param name="Version">The version; null for the draft.</param>
/// <param name="Name">The display name.</param>
/// <param name="SavedAt">When it was saved or published (UTC).</param>
/// <param name="SavedBy">Who saved or published it.</param>
/// <param name="Published">Whether this is a published (immutable) version.</param>
/// <param name="Definition">The Elsa 3 JSON object.</param>
/// <param name="Problems">Its validation problems now.</param>
internal sealed record DefinitionDetails(
    string DefinitionId,
    int? Version,
    string Name,
    DateTime SavedAt,
    string? SavedBy,
    bool Published,
    JsonObject Definition,
    IReadOnlyList<DefinitionProblem> Problems);
