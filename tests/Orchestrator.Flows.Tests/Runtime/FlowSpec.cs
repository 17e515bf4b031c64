using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>Builds Elsa 3 definitions for tests without pages of JSON.</summary>
internal sealed class FlowSpec(string definitionId)
{
    private readonly JsonArray _activities = [];
    private readonly JsonArray _connections = [];
    private readonly JsonArray _variables = [];
    private readonly JsonArray _inputs = [];

    public string DefinitionId { get; } = definitionId;

    public static JsonObject Literal(object? value, string typeName = "String") =>
        Wrap(typeName, "Literal", JsonSerializer.SerializeToNode(value));

    public static JsonObject Js(string code, string typeName = "Object") => Wrap(typeName, "JavaScript", code);

    public static JsonObject Liquid(string template) => Wrap("String", "Liquid", template);

    public static JsonObject Object(object value, string typeName = "Object") => Wrap(typeName, "Object", JsonSerializer.Serialize(value));

    public static JsonObject Bind(string variableId) => new() { ["typeName"] = "Object", ["memoryReference"] = new JsonObject { ["id"] = variableId } };

    public FlowSpec Variable(string name, string typeName, string? value = null)
    {
        _variables.Add(new JsonObject { ["id"] = name, ["name"] = name, ["typeName"] = typeName, ["isArray"] = false, ["value"] = value });
        return this;
    }

    /// <summary>Declares a workflow input (what the run dialog asks for).</summary>
    public FlowSpec Input(string name, string type = "String")
    {
        _inputs.Add(new JsonObject { ["name"] = name, ["type"] = type, ["displayName"] = name, ["isArray"] = false });
        return this;
    }

    public FlowSpec Node(string id, string type, JsonObject? properties = null)
    {
        var node = new JsonObject { ["id"] = id, ["type"] = type, ["version"] = 1 };
        foreach (var (key, value) in properties ?? [])
        {
            node[key] = value?.DeepClone();
        }

        _activities.Add(node);
        return this;
    }

    public FlowSpec Connect(string from, string to, string port = "Done")
    {
        _connections.Add(new JsonObject
        {
            ["source"] = new JsonObject { ["activity"] = from, ["port"] = port },
            ["target"] = new JsonObject { ["activity"] = to, ["port"] = "In" },
        });
        return this;
    }

    /// <summary>Connects the nodes in order through their <c>Done</c> ports.</summary>
    public FlowSpec Chain(params string[] ids)
    {
        for (var i = 1; i < ids.Length; i++)
        {
            Connect(ids[i - 1], ids[i]);
        }

        return this;
    }

    public FlowDocument Build() => ElsaJson.Read(new JsonObject
    {
        ["definitionId"] = DefinitionId,
        ["name"] = DefinitionId,
        ["version"] = 1,
        ["variables"] = _variables.DeepClone(),
        ["inputs"] = _inputs.DeepClone(),
        ["root"] = new JsonObject
        {
            ["id"] = "flowchart",
            ["type"] = "Elsa.Flowchart",
            ["activities"] = _activities.DeepClone(),
            ["connections"] = _connections.DeepClone(),
        },
    });

    private static JsonObject Wrap(string typeName, string type, JsonNode? value) =>
        new() { ["typeName"] = typeName, ["expression"] = new JsonObject { ["type"] = type, ["value"] = value } };
}
