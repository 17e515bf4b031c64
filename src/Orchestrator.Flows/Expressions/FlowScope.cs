using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// What the expressions of one running flow see: its variables (by name, typed by their declarations), the instance
/// input, the outputs of the nodes that ran, and the instance's recorded clock. Lives in the workflow's memory and is
/// rebuilt by replay, so it is the same after a restart.
/// </summary>
internal sealed class FlowScope
{
    private readonly Dictionary<string, FlowVariable> _declared = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _nameById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<string> _order = [];

    public FlowScope(IEnumerable<FlowVariable> variables, JsonObject input, string instanceId, string definitionId)
    {
        foreach (var variable in variables)
        {
            _declared[variable.Name] = variable;
            _nameById[variable.Id] = variable.Name;
            Set(variable.Name, FlowValues.Initial(variable.Value, variable.TypeName, variable.IsArray));
        }

        Input = input;
        InstanceId = instanceId;
        DefinitionId = definitionId;
    }

    /// <summary>The instance input, keyed by the flow's input names.</summary>
    public JsonObject Input { get; }

    /// <summary>The outputs of the nodes that ran, keyed by node id (the latest run of a node wins).</summary>
    public JsonObject Outputs { get; } = [];

    public string InstanceId { get; }

    public string DefinitionId { get; }

    /// <summary>The instance's current time as recorded in history (the same on replay).</summary>
    public DateTime Now { get; set; }

    /// <summary>The variables, by name, in the order they were declared or first set.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> Variables => _order.Select(n => KeyValuePair.Create(n, _values[n]));

    public bool Has(string name) => _values.ContainsKey(name);

    public JsonNode? Get(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>The name of a variable by its id or name, or null when the flow declares neither.</summary>
    public string? Resolve(string idOrName) =>
        _nameById.TryGetValue(idOrName, out var name) ? name : _declared.ContainsKey(idOrName) ? _declared[idOrName].Name : null;

    /// <summary>Sets a variable by name, converting the value to its declared type.</summary>
    public void Set(string name, JsonNode? value)
    {
        if (_declared.TryGetValue(name, out var declared))
        {
            var type = declared.IsArray && !declared.TypeName.EndsWith("[]", StringComparison.Ordinal) ? declared.TypeName + "[]" : declared.TypeName;
            value = FlowValues.Coerce(value, type);
            name = declared.Name;
        }

        if (!_values.ContainsKey(name))
        {
            _order.Add(name);
        }

        _values[name] = value;
    }

    /// <summary>Sets the variable an output binding names (by id; an undeclared id becomes a variable of that name).</summary>
    public void SetBound(string idOrName, JsonNode? value) => Set(Resolve(idOrName) ?? idOrName, value);

    /// <summary>The variables as one JSON object (copies).</summary>
    public JsonObject VariablesObject()
    {
        var result = new JsonObject();
        foreach (var name in _order)
        {
            result[name] = _values[name]?.DeepClone();
        }

        return result;
    }
}
