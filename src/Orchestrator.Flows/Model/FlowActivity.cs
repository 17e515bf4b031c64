using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>
/// One activity (node) of a flowchart. Its inputs, output bindings, <c>customProperties</c>, <c>metadata</c> and any
/// property this runtime does not know are kept in <see cref="Properties"/> exactly as read, so a document round-trips.
/// </summary>
public sealed class FlowActivity
{
    /// <summary>Creates an activity.</summary>
    /// <param name="id">The id, unique in its flowchart.</param>
    /// <param name="type">The activity type, e.g. <c>Elsa.WriteLine</c> or <c>Orchestrator.Agent</c>.</param>
    /// <param name="properties">Every other property; keys as written (camelCase or PascalCase).</param>
    public FlowActivity(string id, string type, JsonObject? properties = null)
    {
        Id = id;
        Type = type;
        Properties = properties ?? [];
    }

    /// <summary>The id, unique in its flowchart.</summary>
    public string Id { get; set; }

    /// <summary>The activity type.</summary>
    public string Type { get; set; }

    /// <summary>The name (e.g. <c>WriteLine1</c>); null when the document has none.</summary>
    public string? Name { get; set; }

    /// <summary>The activity version (1 when the document has none).</summary>
    public int Version { get; set; } = 1;

    /// <summary>Every other property of the activity object, as read.</summary>
    public JsonObject Properties { get; }

    /// <summary>The label people see: <c>metadata.displayText</c>, else the name, else the id.</summary>
    public string DisplayName =>
        (Property("metadata") as JsonObject)?.Find("displayText") is JsonValue v && v.TryGetValue<string>(out var text) && text.Length > 0
            ? text
            : Name ?? Id;

    /// <summary>A property by name, matched without regard to case (documents use camelCase or PascalCase).</summary>
    /// <param name="name">The property name in camelCase.</param>
    /// <returns>The raw value, or null.</returns>
    public JsonNode? Property(string name) => Properties.Find(name);

    /// <summary>
    /// A wrapped input by name. An object without <c>typeName</c> counts as not set; a bare JSON primitive is read as a
    /// Literal of type <c>Object</c>.
    /// </summary>
    /// <param name="name">The input name in camelCase (<c>text</c>, <c>condition</c>, <c>timeSpan</c>).</param>
    /// <returns>The input, or null when not set.</returns>
    public FlowInput? Input(string name) => Property(name) switch
    {
        JsonObject o when o.Find("typeName") is JsonValue t && t.TryGetValue<string>(out var typeName) =>
            new FlowInput(typeName, ReadExpression(o.Find("expression"))),
        JsonValue v => new FlowInput("Object", FlowExpression.Literal(v.DeepClone())),
        _ => null,
    };

    /// <summary>Sets a wrapped input (written back as <c>{"typeName":…,"expression":{"type":…,"value":…}}</c>).</summary>
    /// <param name="name">The input name in camelCase.</param>
    /// <param name="input">The input; null removes it.</param>
    public void SetInput(string name, FlowInput? input)
    {
        Properties.Remove(Properties.FindKey(name) ?? name);
        if (input is not null)
        {
            var wrapped = new JsonObject { ["typeName"] = input.TypeName };
            if (input.Expression is { } e)
            {
                wrapped["expression"] = new JsonObject { ["type"] = e.Type, ["value"] = e.Value?.DeepClone() };
            }

            Properties[name] = wrapped;
        }
    }

    /// <summary>The variable an output is bound to (<c>{"memoryReference":{"id":…}}</c>), or null when unbound.</summary>
    /// <param name="name">The output name in camelCase (<c>result</c>, <c>decision</c>).</param>
    /// <returns>The variable id, or null.</returns>
    public string? OutputVariable(string name) =>
        (Property(name) as JsonObject)?.Find("memoryReference") is JsonObject reference
        && reference.Find("id") is JsonValue id && id.TryGetValue<string>(out var s) ? s : null;

    /// <summary>The <c>customProperties</c> object (created empty when missing).</summary>
    public JsonObject CustomProperties
    {
        get
        {
            if (Property("customProperties") is JsonObject o)
            {
                return o;
            }

            var created = new JsonObject();
            Properties["customProperties"] = created;
            return created;
        }
    }

    private static FlowExpression? ReadExpression(JsonNode? node) =>
        node is JsonObject e && e.Find("type") is JsonValue t && t.TryGetValue<string>(out var type)
            ? new FlowExpression(type, e.Find("value")?.DeepClone())
            : null;
}
