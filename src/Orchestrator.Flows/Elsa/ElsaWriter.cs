using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Elsa;

/// <summary>Writes a <see cref="FlowDocument"/> as Elsa 3 JSON: camelCase, the current connection shape, plain arrays.</summary>
internal static class ElsaWriter
{
    public static JsonObject Write(FlowDocument doc)
    {
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
        CopyAll(doc.Properties, json);
        json["root"] = WriteRoot(doc.Root);
        return json;
    }

    private static JsonObject WriteRoot(FlowChart chart)
    {
        var json = new JsonObject { ["id"] = chart.Id, ["type"] = chart.Type };
        CopyAll(chart.Properties, json);
        json["variables"] = new JsonArray([.. chart.Variables.Select(WriteVariable)]);
        json["activities"] = new JsonArray([.. chart.Activities.Select(WriteActivity)]);
        json["connections"] = new JsonArray([.. chart.Connections.Select(WriteConnection)]);
        return json;
    }

    private static JsonObject WriteActivity(FlowActivity activity)
    {
        var json = new JsonObject { ["id"] = activity.Id, ["type"] = activity.Type };
        if (activity.Properties["version"] is not JsonObject)
        {
            json["version"] = activity.Version;
        }

        if (activity.Name is not null)
        {
            json["name"] = activity.Name;
        }

        CopyAll(activity.Properties, json);
        return json;
    }

    private static JsonObject WriteConnection(FlowConnection c)
    {
        var json = new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = c.Source, ["port"] = c.SourcePort },
            ["target"] = new JsonObject { ["activity"] = c.Target, ["port"] = c.TargetPort },
            ["vertices"] = c.Vertices?.DeepClone() ?? new JsonArray(),
        };
        if (c.Properties is { } extra)
        {
            CopyAll(extra, json);
        }

        return json;
    }

    private static JsonObject WriteVariable(FlowVariable v)
    {
        var json = new JsonObject { ["id"] = v.Id, ["name"] = v.Name, ["typeName"] = v.TypeName, ["isArray"] = v.IsArray, ["value"] = v.Value };
        CopyAll(v.Extra, json);
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
        CopyAll(a.Extra, json);
        return json;
    }

    /// <summary>Copies the properties whose keys are not written already (a model built in code may repeat one).</summary>
    private static void CopyAll(JsonObject from, JsonObject to)
    {
        foreach (var (key, value) in from)
        {
            if (!to.ContainsKey(key))
            {
                to[key] = value?.DeepClone();
            }
        }
    }
}
