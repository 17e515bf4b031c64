using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>All tool sources in one name space, discovered on first use; arguments are checked before a tool runs.</summary>
internal sealed class ToolRegistry(IEnumerable<IToolSource> sources) : IToolRegistry
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Dictionary<string, (ToolDescriptor Tool, IToolSource Source)>? _tools;
    private IReadOnlyList<string> _failures = [];

    public async Task<IReadOnlyList<ToolDescriptor>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. (await IndexAsync(cancellationToken)).Values.Select(t => t.Tool).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public async Task<ToolDescriptor?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        (await IndexAsync(cancellationToken)).TryGetValue(name, out var entry) ? entry.Tool : null;

    public async Task<string> InvokeAsync(string name, string? argumentsJson, ToolInvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tools = await IndexAsync(context.CancellationToken);
        if (!tools.TryGetValue(name, out var entry))
        {
            var unavailable = _failures.Count == 0 ? string.Empty : $" Unavailable: {string.Join(" ", _failures)}";
            throw new ToolNotFoundException($"No tool is named '{name}'. Tools: {string.Join(", ", tools.Keys.Order(StringComparer.Ordinal))}.{unavailable}");
        }

        var arguments = Parse(name, argumentsJson);
        var missing = Required(entry.Tool.Parameters).Where(r => arguments[r] is null).ToList();
        if (missing.Count > 0)
        {
            throw new ToolArgumentsException($"The tool '{name}' needs the argument(s) {string.Join(", ", missing)}.");
        }

        return await entry.Source.InvokeAsync(entry.Tool, arguments, context);
    }

    /// <summary>
    /// Discovers every source's tools. A source that fails (an MCP server that is down) leaves the others usable; it is
    /// tried again on the next lookup, and its error is named when one of its tools is asked for.
    /// </summary>
    private async Task<Dictionary<string, (ToolDescriptor Tool, IToolSource Source)>> IndexAsync(CancellationToken cancellationToken)
    {
        if (_tools is { } ready)
        {
            return ready;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_tools is { } built)
            {
                return built;
            }

            var index = new Dictionary<string, (ToolDescriptor, IToolSource)>(StringComparer.Ordinal);
            var failures = new List<string>();
            foreach (var source in sources)
            {
                IReadOnlyList<ToolDescriptor> tools;
                try
                {
                    tools = await source.DescribeAsync(cancellationToken);
                }
                catch (InvalidOperationException ex)
                {
                    failures.Add(ex.Message);
                    continue;
                }

                foreach (var tool in tools)
                {
                    if (!index.TryAdd(tool.Name, (tool, source)))
                    {
                        throw new InvalidOperationException($"Two tools are named '{tool.Name}' ({index[tool.Name].Item1.Kind} and {tool.Kind}); tool names must be unique.");
                    }
                }
            }

            _failures = failures;
            if (failures.Count == 0)
            {
                _tools = index;
            }

            return index;
        }
        finally
        {
            _gate.Release();
        }
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
}
