using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;
using static Orchestrator.Flows.Elsa.ElsaShapes;

namespace Orchestrator.Flows.Elsa;

/// <summary>Turns an Elsa 3 definition object into a <see cref="FlowDocument"/> (docs/flows.md).</summary>
internal static class ElsaReader
{
    private static readonly string[] DocumentKeys = ["id", "definitionId", "name", "description", "version", "variables", "inputs", "outputs", "root"];
    private static readonly string[] RootKeys = ["id", "type", "activities", "connections", "variables"];
    private static readonly string[] ActivityKeys = ["id", "type", "name", "version"];
    private static readonly string[] ActivityKeysWithoutVersion = ["id", "type", "name"];
    private static readonly string[] ConnectionKeys = ["source", "target", "sourcePort", "targetPort", "vertices"];
    private static readonly string[] VariableKeys = ["id", "name", "typeName", "isArray", "value"];
    private static readonly string[] ArgumentKeys = ["name", "type", "displayName", "description", "isArray"];

    public static FlowDocument Read(JsonObject json)
    {
        var doc = new FlowDocument
        {
            Id = String(json, "id") ?? string.Empty,
            DefinitionId = String(json, "definitionId") ?? string.Empty,
            Name = String(json, "name"),
            Description = String(json, "description"),
            Version = Int(json, "version") ?? 1,
        };
        if (doc.DefinitionId.Length == 0 && doc.Id.Length > 0)
        {
            doc.DefinitionId = doc.Id;
        }
        else if (doc.DefinitionId.Length == 0)
        {
            doc.DefinitionId = FlowIds.FromName(doc.Name);
            doc.DefinitionIdDerived = true;
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
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Null => new FlowChart { Type = "Elsa.Sequence" },
            _ => throw new FlowFormatException("'root' must be an object (an Elsa.Flowchart)."),
        };
        return doc;
    }

    private static FlowChart ReadRoot(JsonObject root)
    {
        var chart = new FlowChart
        {
            Id = NonEmpty(String(root, "id")) ?? "flowchart",
            Type = String(root, "type") ?? FlowActivityTypes.Flowchart,
        };
        var items = Items(root, "activities").ToList();
        var taken = new HashSet<string>(items.Select(a => String(a, "id")).OfType<string>(), StringComparer.Ordinal);
        var index = 0;
        foreach (var item in items)
        {
            index++;
            chart.Activities.Add(ReadActivity(item, index, taken));
        }

        chart.Connections.AddRange(Items(root, "connections").Select(ReadConnection));
        chart.Variables.AddRange(Items(root, "variables").Select(ReadVariable));
        CopyOthers(root, chart.Properties, RootKeys);
        return chart;
    }

    private static FlowActivity ReadActivity(JsonObject json, int index, HashSet<string> taken)
    {
        var type = String(json, "type") ?? string.Empty;
        var id = NonEmpty(String(json, "id"));
        if (id is null)
        {
            // A generated id is the type's short name and its position, made unique among the ids already written.
            var stem = type[(type.LastIndexOf('.') + 1)..];
            stem = stem.Length == 0 ? "Activity" : stem;
            id = $"{stem}{index}";
            for (var n = 2; !taken.Add(id); n++)
            {
                id = $"{stem}{index}_{n}";
            }
        }

        // Orchestrator.SubWorkflow has an input named 'version' (the child's version); as a wrapped input it is kept as
        // a property and the activity's own version is 1.
        var versionInput = json.Find("version") is JsonObject;
        var activity = new FlowActivity(id, type) { Name = String(json, "name"), Version = versionInput ? 1 : Int(json, "version") ?? 1 };
        CopyOthers(json, activity.Properties, versionInput ? ActivityKeysWithoutVersion : ActivityKeys, (key, value) => ActivityProperty(type, key, value));
        return activity;
    }

    /// <summary>A copy of one activity property, with the shapes this runtime reads made plain (camelCase keys, no <c>$values</c>).</summary>
    private static JsonNode? ActivityProperty(string type, string key, JsonNode? value)
    {
        switch (key)
        {
            case "variable" when type == FlowActivityTypes.SetVariable && value is JsonObject raw:
                return CamelKeys(raw);
            case "cases" when type == FlowActivityTypes.FlowSwitch && Unwrap(value) is { } cases:
                return new JsonArray([.. cases.Select(c => c is JsonObject o ? SwitchCase(o) : c?.DeepClone())]);
            case "customProperties" or "metadata":
                return value?.DeepClone();
            default:
                return ActivityValue(value);
        }
    }

    private static JsonObject SwitchCase(JsonObject item)
    {
        var to = new JsonObject();
        CopyOthers(item, to, [], (key, inner) => key == "condition" && inner is JsonObject c ? CamelKeys(c) : ActivityValue(inner));
        return to;
    }

    private static FlowConnection ReadConnection(JsonObject json)
    {
        var (source, sourcePort) = ReadEnd(json, "source", "sourcePort", "Done");
        var (target, targetPort) = ReadEnd(json, "target", "targetPort", "In");
        JsonObject? extra = new JsonObject();
        CopyOthers(json, extra, ConnectionKeys);
        var vertices = json.Find("vertices") is { } v && Unwrap(v) is { Count: > 0 } array
            ? new JsonArray([.. array.Select(p => p is JsonObject point ? CamelKeys(point) : p?.DeepClone())])
            : null;
        return new FlowConnection(source, sourcePort, target, targetPort, vertices) { Properties = extra.Count > 0 ? extra : null };
    }

    private static (string Activity, string Port) ReadEnd(JsonObject json, string end, string legacyPort, string defaultPort) =>
        json.Find(end) switch
        {
            JsonObject o => (String(o, "activity") ?? String(o, "id") ?? string.Empty, NonEmpty(String(o, "port")) ?? NonEmpty(String(json, legacyPort)) ?? defaultPort),
            JsonValue v when v.TryGetValue<string>(out var id) => (id, NonEmpty(String(json, legacyPort)) ?? defaultPort),
            _ => (string.Empty, NonEmpty(String(json, legacyPort)) ?? defaultPort),
        };

    private static FlowVariable ReadVariable(JsonObject json)
    {
        var extra = new JsonObject();
        CopyOthers(json, extra, VariableKeys);
        var name = NonEmpty(String(json, "name")) ?? NonEmpty(String(json, "id")) ?? string.Empty;
        var value = json.Find("value") switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.Null => null,
            var other => other.ToJsonString(),
        };
        return new FlowVariable(NonEmpty(String(json, "id")) ?? name, name, String(json, "typeName") ?? "Object", Bool(json, "isArray"), value, extra);
    }

    private static FlowArgument ReadArgument(JsonObject json)
    {
        var extra = new JsonObject();
        CopyOthers(json, extra, ArgumentKeys);
        return new FlowArgument(
            String(json, "name") ?? string.Empty, String(json, "type") ?? "Object", String(json, "displayName"),
            String(json, "description"), Bool(json, "isArray"), extra);
    }

    private static string? NonEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
