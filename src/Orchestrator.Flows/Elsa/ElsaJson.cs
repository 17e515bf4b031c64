using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Elsa;

/// <summary>
/// Reads and writes Elsa 3 workflow-definition JSON (FLOWS.md §1), tolerantly: camelCase or PascalCase keys, both
/// connection shapes, <c>$values</c> wrappers, either variable storage-driver key; unknown properties and unknown
/// activities are kept and written back. Writing uses camelCase and the current connection shape.
/// </summary>
public static class ElsaJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };
    private static readonly string[] DocumentKeys = ["id", "definitionId", "name", "description", "version", "variables", "inputs", "outputs", "root"];
    private static readonly string[] RootKeys = ["id", "type", "activities", "connections", "variables"];
    private static readonly string[] ActivityKeys = ["id", "type", "name", "version"];

    /// <summary>Reads a definition.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="FlowFormatException">The text is not JSON, or not a definition object.</exception>
    public static FlowDocument Read(string json)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: ReadOptions);
        }
        catch (JsonException e)
        {
            throw new FlowFormatException($"The definition is not valid JSON: {e.Message}");
        }

        return Read(node as JsonObject ?? throw new FlowFormatException("The definition must be a JSON object with a 'root' flowchart."));
    }

    /// <summary>Reads a definition from parsed JSON (the object is not changed).</summary>
    /// <param name="json">The definition object.</param>
    /// <returns>The document.</returns>
    /// <exception cref="FlowFormatException">A field has the wrong shape.</exception>
    public static FlowDocument Read(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var doc = new FlowDocument
        {
            Id = String(json, "id") ?? string.Empty,
            DefinitionId = String(json, "definitionId") ?? string.Empty,
            Name = String(json, "name"),
            Description = String(json, "description"),
            Version = Int(json, "version") ?? 1,
        };
        if (doc.DefinitionId.Length == 0)
        {
            doc.DefinitionId = doc.Id.Length > 0 ? doc.Id : NewId();
        }

        if (doc.Id.Length == 0)
        {
            doc.Id = $"{doc.DefinitionId}-v{doc.Version}";
        }

        doc.Variables.AddRange(Items(json, "variables").Select(ReadVariable));
        doc.Inputs.AddRange(Items(json, "inputs").Select(ReadArgument));
        doc.Outputs.AddRange(Items(json, "outputs").Select(ReadArgument));
        CopyOthers(json, doc.Properties, DocumentKeys);
        doc.Root = json.Find("root") switch
        {
            JsonObject root => ReadRoot(root),
            null => new FlowChart { Type = "Elsa.Sequence" },
            _ => throw new FlowFormatException("'root' must be an object (an Elsa.Flowchart)."),
        };
        return doc;
    }

    /// <summary>Writes a definition as indented JSON.</summary>
    /// <param name="doc">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(FlowDocument doc) => ToJson(doc).ToJsonString(WriteOptions);

    /// <summary>Writes a definition as a JSON object (camelCase, current connection shape).</summary>
    /// <param name="doc">The document.</param>
    /// <returns>A new object.</returns>
    public static JsonObject ToJson(FlowDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        var json = new JsonObject();
        if (doc.Properties.Find("$schema") is { } schema)
        {
            json["$schema"] = schema.DeepClone();
        }

        json["id"] = doc.Id;
        json["definitionId"] = doc.DefinitionId;
        json["name"] = doc.Name;
        json["description"] = doc.Description;
        json["version"] = doc.Version;
        json["variables"] = new JsonArray([.. doc.Variables.Select(WriteVariable)]);
        json["inputs"] = new JsonArray([.. doc.Inputs.Select(WriteArgument)]);
        json["outputs"] = new JsonArray([.. doc.Outputs.Select(WriteArgument)]);
        CopyOthers(doc.Properties, json, ["$schema"]);
        json["root"] = WriteRoot(doc.Root);
        return json;
    }

    private static FlowChart ReadRoot(JsonObject root)
    {
        var chart = new FlowChart
        {
            Id = String(root, "id") ?? "flowchart",
            Type = String(root, "type") ?? FlowActivityTypes.Flowchart,
        };
        var index = 0;
        foreach (var item in Items(root, "activities"))
        {
            index++;
            chart.Activities.Add(ReadActivity(item, index));
        }

        chart.Connections.AddRange(Items(root, "connections").Select(ReadConnection));
        chart.Variables.AddRange(Items(root, "variables").Select(ReadVariable));
        CopyOthers(root, chart.Properties, RootKeys);
        return chart;
    }

    private static FlowActivity ReadActivity(JsonObject json, int index)
    {
        var type = String(json, "type") ?? string.Empty;
        var id = String(json, "id");
        if (string.IsNullOrEmpty(id))
        {
            id = $"{type[(type.LastIndexOf('.') + 1)..]}{index}";
        }

        var activity = new FlowActivity(id, type) { Name = String(json, "name"), Version = Int(json, "version") ?? 1 };
        CopyOthers(json, activity.Properties, ActivityKeys);
        return activity;
    }

    private static FlowConnection ReadConnection(JsonObject json)
    {
        var (source, sourcePort) = ReadEnd(json, "source", "sourcePort", "Done");
        var (target, targetPort) = ReadEnd(json, "target", "targetPort", "In");
        return new FlowConnection(source, sourcePort, target, targetPort, json.Find("vertices") as JsonArray is { } v ? (JsonArray)v.DeepClone() : null);
    }

    private static (string Activity, string Port) ReadEnd(JsonObject json, string end, string legacyPort, string defaultPort) =>
        json.Find(end) switch
        {
            JsonObject o => (String(o, "activity") ?? string.Empty, String(o, "port") ?? defaultPort),
            JsonValue v when v.TryGetValue<string>(out var id) => (id, String(json, legacyPort) ?? defaultPort),
            _ => (string.Empty, defaultPort),
        };

    private static FlowVariable ReadVariable(JsonObject json)
    {
        var extra = new JsonObject();
        CopyOthers(json, extra, ["id", "name", "typeName", "isArray", "value"]);
        var name = String(json, "name") ?? String(json, "id") ?? string.Empty;
        var value = json.Find("value") switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            var other => other.ToJsonString(),
        };
        return new FlowVariable(String(json, "id") ?? name, name, String(json, "typeName") ?? "Object", Bool(json, "isArray"), value, extra);
    }

    private static FlowArgument ReadArgument(JsonObject json)
    {
        var extra = new JsonObject();
        CopyOthers(json, extra, ["name", "type", "displayName", "description", "isArray"]);
        return new FlowArgument(
            String(json, "name") ?? string.Empty, String(json, "type") ?? "Object", String(json, "displayName"),
            String(json, "description"), Bool(json, "isArray"), extra);
    }

    private static JsonObject WriteRoot(FlowChart chart)
    {
        var json = new JsonObject { ["id"] = chart.Id, ["type"] = chart.Type };
        CopyOthers(chart.Properties, json, []);
        json["variables"] = new JsonArray([.. chart.Variables.Select(WriteVariable)]);
        json["activities"] = new JsonArray([.. chart.Activities.Select(WriteActivity)]);
        json["connections"] = new JsonArray([.. chart.Connections.Select(WriteConnection)]);
        return json;
    }

    private static JsonObject WriteActivity(FlowActivity activity)
    {
        var json = new JsonObject { ["id"] = activity.Id, ["type"] = activity.Type, ["version"] = activity.Version };
        if (activity.Name is not null)
        {
            json["name"] = activity.Name;
        }

        CopyOthers(activity.Properties, json, []);
        return json;
    }

    private static JsonObject WriteConnection(FlowConnection c) => new()
    {
        ["source"] = new JsonObject { ["activity"] = c.Source, ["port"] = c.SourcePort },
        ["target"] = new JsonObject { ["activity"] = c.Target, ["port"] = c.TargetPort },
        ["vertices"] = c.Vertices?.DeepClone() ?? new JsonArray(),
    };

    private static JsonObject WriteVariable(FlowVariable v)
    {
        var json = new JsonObject { ["id"] = v.Id, ["name"] = v.Name, ["typeName"] = v.TypeName, ["isArray"] = v.IsArray, ["value"] = v.Value };
        CopyOthers(v.Extra, json, []);
        return json;
    }

    private static JsonObject WriteArgument(FlowArgument a)
    {
        var json = new JsonObject
        {
            ["type"] = a.Type,
            ["name"] = a.Name,
            ["displayName"] = a.DisplayName,
            ["description"] = a.Description,
            ["isArray"] = a.IsArray,
        };
        CopyOthers(a.Extra, json, []);
        return json;
    }

    /// <summary>The objects of an array property, also inside a <c>{"$values":[…]}</c> wrapper; non-objects are skipped.</summary>
    private static IEnumerable<JsonObject> Items(JsonObject json, string name) =>
        json.Find(name) switch
        {
            JsonArray a => a.OfType<JsonObject>(),
            JsonObject o when o.Find("$values") is JsonArray a => a.OfType<JsonObject>(),
            null => [],
            _ => throw new FlowFormatException($"'{name}' must be an array."),
        };

    private static void CopyOthers(JsonObject from, JsonObject to, string[] known)
    {
        foreach (var (key, value) in from)
        {
            if (!known.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) && to.FindKey(key) is null)
            {
                to[key] = value?.DeepClone();
            }
        }
    }

    private static string? String(JsonObject json, string name) => json.Find(name) switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v => v.ToJsonString(),
        _ => null,
    };

    private static int? Int(JsonObject json, string name) => json.Find(name) switch
    {
        JsonValue v when v.TryGetValue<int>(out var i) => i,
        JsonValue v when v.TryGetValue<string>(out var s) && int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        null => null,
        _ => throw new FlowFormatException($"'{name}' must be a whole number."),
    };

    private static bool Bool(JsonObject json, string name) => json.Find(name) switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => bool.TryParse(s, out var b) && b,
        _ => false,
    };

    private static string NewId() => Guid.NewGuid().ToString("N")[..16];
}
