using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// The tools of the MCP servers in <c>Orchestrator:Tools:Mcp:&lt;server&gt;</c>, named <c>mcp:&lt;server&gt;.&lt;tool&gt;</c>.
/// A server is started (or connected to) only when one of its tools is first asked for. Calls carry the idempotency
/// key and the principal pair in the request's <c>_meta</c> (<c>orchestrator/idempotencyKey</c>,
/// <c>orchestrator/instanceId</c>, <c>orchestrator/agent</c>, <c>orchestrator/onBehalfOf</c>).
/// </summary>
internal sealed partial class McpToolSource : IAsyncDisposable
{
    public const string Section = "Orchestrator:Tools:Mcp";
    public const string Prefix = "mcp:";

    private readonly IReadOnlyList<McpServerConnection> _servers;
    private readonly ILogger _logger;

    /// <summary>Reads the servers; a stdio server that cannot start (a missing file) is reported now, in one line, and again on use.</summary>
    public McpToolSource(IConfiguration configuration, ILoggerFactory loggers, IHttpClientFactory clients)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(loggers);
        _servers = [.. configuration.GetSection(Section).GetChildren().Select(s => McpServerConnection.Read(s, configuration, loggers, clients))];
        _logger = loggers.CreateLogger<McpToolSource>();
        foreach (var server in _servers)
        {
            if (server.MissingForStart() is { } reason)
            {
                LogCannotStart(reason);
            }
        }
    }

    public IEnumerable<string> Servers => _servers.Select(s => s.Name);

    public static bool Owns(string name) => name.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<ToolDescriptor?> FindAsync(string name, CancellationToken cancellationToken) =>
        Route(name) is var (server, tool) && (await server.ToolsAsync(cancellationToken)).TryGetValue(tool, out var found) ? found : null;

    public async Task<IReadOnlyList<ToolDescriptor>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new List<ToolDescriptor>();
        foreach (var server in _servers)
        {
            try
            {
                all.AddRange((await server.ToolsAsync(cancellationToken)).Values);
            }
            catch (Exception ex) when (ex is ToolUnavailableException or ToolEgressDeniedException)
            {
                LogLeftOut(server.Name, ex.Message);
            }
        }

        return all;
    }

    /// <summary>Why no tool has the name: no such server, or the server has no such tool (with what it does have).</summary>
    public async Task<string> ExplainMissingAsync(string name, CancellationToken cancellationToken)
    {
        if (Route(name) is not var (server, tool))
        {
            var servers = _servers.Count == 0 ? "none is configured" : $"configured: {string.Join(", ", Servers)}";
            return $"No tool is named '{name}': MCP tools are named {Prefix}<server>.<tool> after a server in {Section} ({servers}).";
        }

        var tools = await server.ToolsAsync(cancellationToken);
        return $"The MCP server '{server.Name}' has no tool '{tool}'. Its tools: {string.Join(", ", tools.Values.Select(t => t.Name).Order(StringComparer.Ordinal))}.";
    }

    public async Task<string> InvokeAsync(ToolDescriptor tool, JsonObject arguments, ToolInvocationContext context)
    {
        var (server, name) = Route(tool.Name) ?? throw new ToolNotFoundException($"No MCP server serves '{tool.Name}'.");
        var meta = new JsonObject
        {
            ["orchestrator/idempotencyKey"] = context.IdempotencyKey,
            ["orchestrator/instanceId"] = context.InstanceId,
        };
        if (context.Agent is { } agent)
        {
            meta["orchestrator/agent"] = agent;
        }

        if (context.OnBehalfOf is { } onBehalfOf)
        {
            meta["orchestrator/onBehalfOf"] = onBehalfOf;
        }

        var args = arguments.ToDictionary(p => p.Key, p => (object?)JsonSerializer.SerializeToElement(p.Value));
        return await server.CallAsync(name, args, meta, context.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>The server whose name is the longest one that fits (server names may contain dots), and the tool's own name.</summary>
    private (McpServerConnection Server, string Tool)? Route(string name)
    {
        if (!Owns(name))
        {
            return null;
        }

        var rest = name[Prefix.Length..];
        var server = _servers
            .Where(s => rest.Length > s.Name.Length + 1 && rest.StartsWith(s.Name + ".", StringComparison.Ordinal))
            .MaxBy(s => s.Name.Length);
        return server is null ? null : (server, rest[(server.Name.Length + 1)..]);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The tools of the MCP server '{Server}' are left out of the list: {Reason}")]
    private partial void LogLeftOut(string server, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Reason} Its tools are unavailable until that is fixed.")]
    private partial void LogCannotStart(string reason);
}
