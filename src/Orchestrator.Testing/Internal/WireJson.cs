using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orchestrator.Testing.Internal;

/// <summary>JSON settings shared by the scripted server.</summary>
internal static class WireJson
{
    /// <summary>
    /// For values a test hands over (tool arguments, structured output): camelCase like M.E.AI and most tool schemas,
    /// and non-ASCII text as is, the way a model writes it (the body is JSON, never HTML, so nothing needs escaping).
    /// </summary>
    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>For the bodies and events the server writes: UTF-8 text unescaped, as the OpenAI API sends it.</summary>
    public static JsonSerializerOptions Wire { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Whether <paramref name="json"/> is one complete JSON value.</summary>
    public static bool IsValid(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
