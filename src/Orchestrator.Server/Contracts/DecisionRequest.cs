using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Contracts;

/// <summary>The body of <c>POST /api/approvals/{taskId}/decision</c>.</summary>
internal sealed record DecisionRequest
{
    /// <summary><c>approve</c> or <c>reject</c> (required).</summary>
    public string? Decision { get; init; }

    /// <summary>Why, for the record; at most 4,000 characters.</summary>
    public string? Comment { get; init; }

    /// <summary>Changes to the proposed action, as a JSON object.</summary>
    public JsonElement? Edits { get; init; }

    /// <summary>Fields the body should not have; kept so that a misspelt field is rejected instead of ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
