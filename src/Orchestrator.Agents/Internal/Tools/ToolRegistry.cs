using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// C# tools, HTTP tools and MCP tools in one name space. The C# and HTTP tools are indexed when the registry is built
/// (at host start, see <see cref="ToolRegistration"/>), so a name used twice stops the start with an error naming
/// both declarations; MCP tools live under <c>mcp:</c> and are discovered per server on first use. Arguments are
/// checked against the tool's schema before any tool runs.
/// </summary>
internal sealed class ToolRegistry : IToolRegistry
{
    private readonly Dictionary<string, (ToolDescriptor Tool, IToolSource Source)> _tools = new(StringComparer.Ordinal);
    private readonly McpToolSource _mcp;

    public ToolRegistry(CSharpToolSource csharp, HttpToolSource http, McpToolSource mcp)
    {
        _mcp = mcp;
        var origins = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (source, entry) in new IToolSource[] { csharp, http }.SelectMany(s => s.Tools.Select(t => (s, t))))
        {
            var name = entry.Descriptor.Name;
            if (origins.TryGetValue(name, out var first))
            {
                throw new InvalidOperationException($"Two tools are named '{name}': {first} and {entry.Origin}. Tool names must be unique; rename one of them.");
            }

            if (McpToolSource.Owns(name))
            {
                throw new InvalidOperationException($"The tool '{name}' ({entry.Origin}) may not start with '{McpToolSource.Prefix}': that prefix names MCP tools.");
            }

            origins[name] = entry.Origin;
            _tools[name] = (entry.Descriptor, source);
        }
    }

    public async Task<IReadOnlyList<ToolDescriptor>> ListAsync(CancellationToken cancellationToken = default) =>
        [.. _tools.Values.Select(t => t.Tool).Concat(await _mcp.ListAsync(cancellationToken)).OrderBy(t => t.Name, StringComparer.Ordinal)];

    public async Task<ToolDescriptor?> FindAsync(string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        return McpToolSource.Owns(name) ? await _mcp.FindAsync(name, cancellationToken) : _tools.GetValueOrDefault(name).Tool;
    }

    public async Task<string> InvokeAsync(string name, string? argumentsJson, ToolInvocationContext context)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(context);
        var cancellationToken = context.CancellationToken;
        if (McpToolSource.Owns(name))
        {
            var tool = await _mcp.FindAsync(name, cancellationToken)
                ?? throw new ToolNotFoundException(await _mcp.ExplainMissingAsync(name, cancellationToken));
            var arguments = Checked(tool, argumentsJson);
            return await _mcp.InvokeAsync(tool, arguments, context);
        }

        if (!_tools.TryGetValue(name, out var entry))
        {
            var known = _tools.Keys.Order(StringComparer.Ordinal).Concat(_mcp.Servers.Select(s => $"{McpToolSource.Prefix}{s}.*"));
            throw new ToolNotFoundException($"No tool is named '{name}'. Tools: {string.Join(", ", known)}.");
        }

        return await entry.Source.InvokeAsync(entry.Tool, Checked(entry.Tool, argumentsJson), context);
    }

    private static System.Text.Json.Nodes.JsonObject Checked(ToolDescriptor tool, string? argumentsJson)
    {
        var arguments = ToolArguments.Parse(tool.Name, argumentsJson);
        ToolArguments.Validate(tool.Name, tool.Parameters, arguments);
        return arguments;
    }
}
