using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// Turns a configuration section back into JSON, for a JSON schema written as an object in appsettings.json (or as
/// <c>Schema:properties:id:type</c> keys): children keyed 0..n-1 become an array, and the values of the JSON-schema
/// keywords that take numbers or booleans are typed again (configuration keeps every value as a string).
/// </summary>
internal static class ConfigurationJson
{
    private static readonly HashSet<string> NumericKeywords = new(StringComparer.Ordinal)
    {
        "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf",
        "minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties",
    };

    private static readonly HashSet<string> BooleanKeywords = new(StringComparer.Ordinal)
    {
        "additionalProperties", "uniqueItems", "nullable", "readOnly", "writeOnly", "deprecated",
    };

    public static JsonNode? ToNode(IConfigurationSection section)
    {
        var children = section.GetChildren().ToList();
        if (children.Count == 0)
        {
            return Leaf(section.Key, section.Value);
        }

        var indexes = children.Select(c => int.TryParse(c.Key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : -1).ToList();
        if (indexes.Order().SequenceEqual(Enumerable.Range(0, children.Count)))
        {
            var array = new JsonArray();
            foreach (var child in children.OrderBy(c => int.Parse(c.Key, CultureInfo.InvariantCulture)))
            {
                array.Add(ToNode(child));
            }

            return array;
        }

        var json = new JsonObject();
        foreach (var child in children)
        {
            json[child.Key] = ToNode(child);
        }

        return json;
    }

    private static JsonNode? Leaf(string key, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (NumericKeywords.Contains(key) && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return JsonValue.Create(number);
        }

        return BooleanKeywords.Contains(key) && bool.TryParse(value, out var flag) ? JsonValue.Create(flag) : JsonValue.Create(value);
    }
}
