using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>All tool sources in one name space; arguments are checked before a tool runs.</summary>
internal sealed class ToolRegistry(IEnumerable<IToolSource> sources) : IToolRegistry
{
    private readonly Lazy<Dictionary<string, (ToolDescriptor Tool, IToolSource Source)>> _tools = new(() => Index(sources));

    public Task<IReadOnlyList<ToolDescriptor>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<ToolDescriptor>>([.. _tools.Value.Values.Select(t => t.Tool).OrderBy(t => t.Name, StringComparer.Ordinal)]);

    public Task<ToolDescriptor?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tools.Value.TryGetValue(name, out var entry) ? entry.Tool : null);

    public Task<string> InvokeAsync(string name, string? argumentsJson, ToolInvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!_tools.Value.TryGetValue(name, out var entry))
        {
            throw new ToolNotFoundException($"No tool is named '{name}'. Tools: {string.Join(", ", _tools.Value.Keys.Order(StringComparer.Ordinal))}.");
        }

        var arguments = Parse(name, argumentsJson);
        var missing = Required(entry.Tool.Parameters).Where(r => arguments[r] is null).ToList();
        if (missing.Count > 0)
        {
            throw new ToolArgumentsException($"The tool '{name}' needs the argument(s) {string.Join(", ", missing)}.");
        }

        return entry.Source.InvokeAsync(entry.Tool, arguments, context);
    }

    private static JsonObject Parse(string tool, string? json)
    {
        try
        {
            return JsonNode.Parse(string.IsNullOrWhiteSpace(json) ? "{}" : json) as JsonObject
                ?? throw new ToolArgumentsException($"The arguments of '{tool}' must be a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new ToolArgumentsException($"The arguments of '{tool}' are not valid JSON: {ex.Message}", ex);
        }
    }

    private static IEnumerable<string> Required(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("required", out var required) && required.ValueKind == JsonValueKind.Array
            ? required.EnumerateArray().Select(r => r.GetString()).OfType<string>()
            : [];

    private static Dictionary<string, (ToolDescriptor, IToolSource)> Index(IEnumerable<IToolSource> sources)
    {
        var index = new Dictionary<string, (ToolDescriptor, IToolSource)>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            foreach (var tool in source.Describe())
            {
                if (!index.TryAdd(tool.Name, (tool, source)))
                {
                    throw new InvalidOperationException($"Two tools are named '{tool.Name}' ({index[tool.Name].Item1.Kind} and {tool.Kind}); tool names must be unique.");
                }
            }
        }

        return index;
    }
}
