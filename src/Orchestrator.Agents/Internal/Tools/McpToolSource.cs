using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// Tools of the MCP servers in <c>Orchestrator:Tools:Mcp:&lt;server&gt;</c> (stdio: Command, Arguments, WorkingDirectory,
/// Environment; streamable HTTP: Url), named <c>mcp:&lt;server&gt;.&lt;tool&gt;</c>. Calls carry the idempotency key and the
/// principal pair in the request's <c>_meta</c>.
/// </summary>
internal sealed class McpToolSource(IConfiguration configuration, ILoggerFactory loggers) : IToolSource, IAsyncDisposable
{
    private const string Section = "Orchestrator:Tools:Mcp";
    private readonly ConcurrentDictionary<string, Lazy<Task<McpClient>>> _clients = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ToolDescriptor>> DescribeAsync(CancellationToken cancellationToken)
    {
        var tools = new List<ToolDescriptor>();
        foreach (var server in configuration.GetSection(Section).GetChildren())
        {
            try
            {
                var client = await ClientAsync(server);
                foreach (var tool in await client.ListToolsAsync(cancellationToken: cancellationToken))
                {
                    tools.Add(new ToolDescriptor($"mcp:{server.Key}.{tool.Name}", tool.Description, tool.JsonSchema, "mcp"));
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _clients.TryRemove(server.Key, out _);
                throw new InvalidOperationException($"The MCP server '{server.Key}' ({Section}:{server.Key}) could not be reached: {ex.Message}", ex);
            }
        }

        return tools;
    }

    public async Task<string> InvokeAsync(ToolDescriptor tool, JsonObject arguments, ToolInvocationContext context)
    {
        var (server, name) = Split(tool.Name);
        var client = await ClientAsync(configuration.GetSection($"{Section}:{server}"));
        var meta = new JsonObject
        {
            ["orchestrator/idempotencyKey"] = context.IdempotencyKey,
            ["orchestrator/instanceId"] = context.InstanceId,
            ["orchestrator/agent"] = context.Agent,
            ["orchestrator/onBehalfOf"] = context.OnBehalfOf,
        };
        var args = arguments.ToDictionary(p => p.Key, p => (object?)JsonSerializer.SerializeToElement(p.Value));
        var result = await client.CallToolAsync(name, args, null, new RequestOptions { Meta = meta }, context.CancellationToken);
        var text = string.Concat(result.Content.OfType<TextContentBlock>().Select(t => t.Text));
        if (result.IsError == true)
        {
            throw new NonRetriableException($"The MCP tool '{tool.Name}' failed: {text}");
        }

        if (result.StructuredContent is { } structured)
        {
            return structured.GetRawText();
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.GetRawText();
        }
        catch (JsonException)
        {
            return JsonSerializer.Serialize(text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients.Values.Where(c => c.IsValueCreated && c.Value.IsCompletedSuccessfully))
        {
            await (await client.Value).DisposeAsync();
        }
    }

    private Task<McpClient> ClientAsync(IConfigurationSection server) =>
        _clients.GetOrAdd(server.Key, _ => new Lazy<Task<McpClient>>(() => ConnectAsync(server))).Value;

    private async Task<McpClient> ConnectAsync(IConfigurationSection server)
    {
        IClientTransport transport = server["Url"] is { Length: > 0 } url
            ? new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), Name = server.Key }, loggers)
            : new StdioClientTransport(
                new StdioClientTransportOptions
                {
                    Name = server.Key,
                    Command = server["Command"] ?? throw new InvalidOperationException($"Set {Section}:{server.Key}:Command (stdio) or :Url (HTTP)."),
                    Arguments = [.. server.GetSection("Arguments").GetChildren().Select(a => a.Value ?? string.Empty)],
                    WorkingDirectory = server["WorkingDirectory"],
                    EnvironmentVariables = server.GetSection("Environment").GetChildren().ToDictionary(e => e.Key, e => e.Value),
                },
                loggers);
        return await McpClient.CreateAsync(transport, loggerFactory: loggers);
    }

    private static (string Server, string Tool) Split(string name)
    {
        var rest = name["mcp:".Length..];
        var dot = rest.IndexOf('.', StringComparison.Ordinal);
        return (rest[..dot], rest[(dot + 1)..]);
    }
}
