using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Server.Contracts;

/// <summary>The body of <c>POST /api/instances</c>.</summary>
internal sealed record StartInstanceRequest
{
    /// <summary>The workflow name (required).</summary>
    public string? Workflow { get; init; }

    /// <summary>The version, as a number or a string; null for the registered one.</summary>
    public JsonElement? Version { get; init; }

    /// <summary>The input, any JSON.</summary>
    public JsonElement? Input { get; init; }

    /// <summary>A caller-chosen id, which makes the start idempotent.</summary>
    public string? InstanceId { get; init; }

    /// <summary>Tags for filtering.</summary>
    public Dictionary<string, string>? Tags { get; init; }

    /// <summary>Fields the body should not have; kept so that a misspelt field is rejected instead of ignored.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? UnknownFields { get; init; }
}
