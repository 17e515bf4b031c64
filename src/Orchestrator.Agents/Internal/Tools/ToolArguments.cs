using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// Reads a call's arguments and checks them lightly against the tool's schema before the tool runs: the arguments must
/// be a JSON object, every <c>required</c> property must be present, and a property whose schema names a <c>type</c>
/// must have a value of that type. Anything deeper is the tool's business (no full JSON-schema engine here).
/// </summary>
internal static class ToolArguments
{
    public static JsonObject Parse(string tool, string? json)
    {
        JsonNode? node;
        try
        {
            node = string.IsNullOrWhiteSpace(json) ? null : JsonNode.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new ToolArgumentsException($"The arguments of '{tool}' are not valid JSON: {ex.Message}", ex);
        }

        return node switch
        {
            null => [],
            JsonObject arguments => arguments,
            _ => throw new ToolArgumentsException($"The arguments of '{tool}' must be a JSON object, not {Kind(node)}."),
        };
    }

    public static void Validate(string tool, JsonElement schema, JsonObject arguments)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var problems = new List<string>();
        var missing = Required(schema).Where(name => !arguments.ContainsKey(name)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"it needs the argument(s) {string.Join(", ", missing.Select(m => $"'{m}'"))}");
        }

        if (schema.TryGetProperty("properties", out var properties) && properties.ValueKind == JsonValueKind.Object)
        {
            foreach (var (name, value) in arguments)
            {
                if (properties.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.Object
                    && property.TryGetProperty("type", out var type) && !Matches(value, type))
                {
                    problems.Add($"'{name}' must be {Describe(type)}, not {Kind(value)}");
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new ToolArgumentsException($"The arguments of '{tool}' do not fit its schema: {string.Join("; ", problems)}.");
        }
    }

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!)
            : [];

    private static bool Matches(JsonNode? value, JsonElement type) => type.ValueKind switch
    {
        JsonValueKind.String => Matches(value, type.GetString()!),
        JsonValueKind.Array => type.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String || Matches(value, t.GetString()!)),
        _ => true,
    };

    private static bool Matches(JsonNode? value, string type) => type switch
    {
        "integer" => Kind(value) == "number" && IsIntegral(value!),
        "number" or "string" or "boolean" or "object" or "array" or "null" => Kind(value) == type,
        _ => true,
    };

    private static bool IsIntegral(JsonNode value) =>
        decimal.TryParse(value.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && number == decimal.Truncate(number);

    private static string Kind(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        _ => "boolean",
    };

    private static string Describe(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join(" or ", type.EnumerateArray().Select(t => t.ToString())) : type.ToString();
}
