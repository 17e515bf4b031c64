using System.Text.Encodings.Web;
using System.Text.Json;

namespace Orchestrator.Cli.Rendering;

/// <summary>Short one-line views of arbitrary JSON values for tables and status lines.</summary>
internal static class JsonPreview
{
    private static readonly JsonSerializerOptions CompactJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions IndentedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, WriteIndented = true };

    /// <summary>The value as compact JSON cut to <paramref name="maxLength"/> characters; <c>-</c> for null or absent.</summary>
    public static string OneLine(JsonElement? value, int maxLength = 60)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            return "-";
        }

        var text = JsonSerializer.Serialize(element, CompactJson);
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, Math.Max(1, maxLength - 1)), "…");
    }

    /// <summary>The value as indented JSON, for detail views; null when absent.</summary>
    public static string? Pretty(JsonElement? value) =>
        value is { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } element ? JsonSerializer.Serialize(element, IndentedJson) : null;
}
