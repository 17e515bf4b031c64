using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orchestrator.Cli.Api.Models;

/// <summary>
/// Reads a workflow version written either as <c>"2"</c> or <c>2</c>: the contract shows strings,
/// but designer workflows number their versions, so both spellings are accepted.
/// </summary>
internal sealed class StringOrNumberConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.Null => null,
        _ => throw new JsonException($"expected a string or a number, found {reader.TokenType}"),
    };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
