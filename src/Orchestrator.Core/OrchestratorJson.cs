using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Core;

/// <summary>The JSON settings used for payloads, history and the HTTP API: camelCase, enums as strings.</summary>
public static class OrchestratorJson
{
    /// <summary>The shared options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serializes a value to JSON text; null stays null.</summary>
    /// <param name="value">The value.</param>
    /// <returns>JSON text or null.</returns>
    public static string? Serialize(object? value) =>
        value switch
        {
            null => null,
            JsonElement { ValueKind: JsonValueKind.Undefined } => null,
            _ => JsonSerializer.Serialize(value, value.GetType(), Options),
        };

    /// <summary>Deserializes JSON text; null or empty text gives <c>default</c>.</summary>
    /// <typeparam name="T">The target type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <returns>The value.</returns>
    public static T? Deserialize<T>(string? json) =>
        string.IsNullOrEmpty(json) ? default : JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>Deserializes JSON text to a runtime type; null or empty text gives null.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="type">The target type.</param>
    /// <returns>The value.</returns>
    public static object? Deserialize(string? json, Type type) =>
        string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize(json, type, Options);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,

            // Payloads are stored and served as JSON, never embedded in HTML: keep them compact and readable.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new JsonStringEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
