using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Elsa;

/// <summary>
/// The tolerant pieces of reading: typed field access that forgives strings for numbers and booleans, <c>$values</c>
/// wrappers, and keys turned to camelCase so that what is written back reads the same in Elsa (case-insensitive) and in
/// the browser (case-sensitive).
/// </summary>
internal static class ElsaShapes
{
    private static readonly string[] WrapperKeys = ["typeName", "expression", "memoryReference"];

    /// <summary>The camelCase form of a key; <c>$</c>-prefixed keys (<c>$schema</c>, <c>$type</c>) stay as they are.</summary>
    public static string Camel(string key) =>
        key.Length == 0 || key[0] == '$' || char.IsLower(key[0]) ? key : JsonNamingPolicy.CamelCase.ConvertName(key);

    /// <summary>
    /// Copies every property whose name is not in <paramref name="known"/> (compared without case), camelCasing its key
    /// unless the camelCase key is already taken (then the key stays as written, so nothing is lost).
    /// </summary>
    public static void CopyOthers(JsonObject from, JsonObject to, string[] known, Func<string, JsonNode?, JsonNode?>? convert = null)
    {
        foreach (var (key, value) in from)
        {
            if (Array.Exists(known, k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var camel = Camel(key);
            var target = to.ContainsKey(camel) ? key : camel;
            if (!to.ContainsKey(target))
            {
                to[target] = convert is null ? Plain(value) : convert(camel, value);
            }
        }
    }

    /// <summary>
    /// A copy of a value; a reference-preserving array wrapper (<c>{"$id":"3","$values":[…]}</c>, nothing else) becomes
    /// the plain array, which every Elsa version reads.
    /// </summary>
    public static JsonNode? Plain(JsonNode? value) =>
        value is JsonObject o && o.Count is 1 or 2 && o["$values"] is JsonArray items && (o.Count == 1 || o.ContainsKey("$id"))
            ? items.DeepClone()
            : value?.DeepClone();

    /// <summary>A copy of an object with its own keys camelCased (values are copied unchanged).</summary>
    public static JsonObject CamelKeys(JsonObject from)
    {
        var to = new JsonObject();
        CopyOthers(from, to, []);
        return to;
    }

    /// <summary>
    /// A copy of an activity property value: a wrapped input or output binding gets camelCase keys on the wrapper, its
    /// <c>expression</c> and its <c>memoryReference</c>; anything else is copied unchanged.
    /// </summary>
    public static JsonNode? ActivityValue(JsonNode? value)
    {
        if (value is not JsonObject o || !Array.Exists(WrapperKeys, k => o.FindKey(k) is not null))
        {
            return Plain(value);
        }

        var to = new JsonObject();
        CopyOthers(o, to, [], (key, inner) => key is "expression" or "memoryReference" && inner is JsonObject io ? CamelKeys(io) : inner?.DeepClone());
        return to;
    }

    /// <summary>The items of an array, also inside a <c>{"$values":[…]}</c> wrapper; null when the value is neither.</summary>
    public static JsonArray? Unwrap(JsonNode? node) => node switch
    {
        JsonArray a => a,
        JsonObject o when o.Find("$values") is JsonArray a => a,
        _ => null,
    };

    /// <summary>The objects of an array property (also wrapped); non-objects are skipped; a non-array is a format error.</summary>
    public static IEnumerable<JsonObject> Items(JsonObject json, string name)
    {
        var node = json.Find(name);
        if (node is null)
        {
            return [];
        }

        return Unwrap(node)?.OfType<JsonObject>() ?? throw new FlowFormatException($"'{name}' must be an array.");
    }

    public static string? String(JsonObject json, string name) => json.Find(name) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    public static int? Int(JsonObject json, string name) => json.Find(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) && d is >= int.MinValue and <= int.MaxValue => (int)d,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => null,
        _ => throw new FlowFormatException($"'{name}' must be a whole number."),
    };

    public static bool Bool(JsonObject json, string name) => json.Find(name) switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => bool.TryParse(s, out var b) && b,
        _ => false,
    };
}
