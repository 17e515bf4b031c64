using System.Text.Json;

namespace Orchestrator.Server.Mapping;

/// <summary>Converts between the JSON text the engine stores and the JSON values the API embeds.</summary>
internal static class JsonText
{
    /// <summary>The stored text as an embeddable value; null stays null.</summary>
    public static JsonElement? ToElement(string? json) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<JsonElement>(json);

    /// <summary>A received value as compact text; absent or JSON <c>null</c> gives null.</summary>
    public static string? ToText(JsonElement? value) =>
        value is { ValueKind: not JsonValueKind.Undefined and not JsonValueKind.Null } element
            ? JsonSerializer.Serialize(element)
            : null;
}
