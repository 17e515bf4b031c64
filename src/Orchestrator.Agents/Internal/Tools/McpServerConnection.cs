using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// One MCP server from <c>Orchestrator:Tools:Mcp:&lt;server&gt;</c>: stdio (Command, Arguments, WorkingDirectory,
/// Environment) or streamable HTTP (Url, through <see cref="EgressHttp"/>, so the egress allow-list holds). Connects on
/// first use, caches the tool list with the connection, and connects again (listing the tools anew) once the
/// connection is gone or a call failed on it.
/// </summary>
internal sealed partial class McpServerConnection : IAsyncDisposable
{
    private readonly IConfigurationSection _settings;
    private readonly ILoggerFactory _loggers;
    private readonly IHttpClientFactory _clients;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile McpServerSession? _session;

    private McpServerConnection(string name, IConfigurationSection settings, ILoggerFactory loggers, IHttpClientFactory clients)
    {
        Name = name;
        _settings = settings;
        _loggers = loggers;
        _clients = clients;
        _logger = loggers.CreateLogger<McpServerConnection>();
    }

    public string Name { get; }

    public string Key => $"{McpToolSource.Section}:{Name}";

    /// <summary>Reads and checks a server's settings (a start-up error names the key to fix); connects later.</summary>
    public static McpServerConnection Read(IConfigurationSection settings, ILoggerFactory loggers, IHttpClientFactory clients)
    {
        var key = $"{McpToolSource.Section}:{settings.Key}";
        if (settings["Url"] is { Length: > 0 } url)
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new InvalidOperationException($"{key}:Url must be an absolute http(s) URL of a streamable HTTP MCP endpoint; it is '{url}'.");
            }
        }
        else if (string.IsNullOrWhiteSpace(settings["Command"]))
        {
            throw new InvalidOperationException($"Set {key}:Command (an MCP server over stdio) or {key}:Url (over streamable HTTP).");
        }

        return new McpServerConnection(settings.Key, settings, loggers, clients);
    }

    public async Task<IReadOnlyDictionary<string, ToolDescriptor>> ToolsAsync(CancellationToken cancellationToken) =>
        (await SessionAsync(cancellationToken)).Tools;

    public async Task<CallToolResult> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, JsonObject meta, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(cancellationToken);
        try
        {
            return await session.Client.CallToolAsync(tool, arguments, progress: null, new RequestOptions { Meta = meta }, cancellationToken);
        }
        catch (McpProtocolException ex)
        {
            throw new ToolCallFailedException($"The MCP server '{Name}' refused the call to '{tool}' ({ex.ErrorCode}): {ex.Message}", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await DropAsync(session);
            throw (Exception?)EgressDenied(ex) ?? new ToolUnavailableException($"The MCP server '{Name}' ({Key}) failed during the call to '{tool}' and will be connected again on the next attempt: {ex.Message}", ex);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_session is { } session)
        {
            _session = null;
            await session.Client.DisposeAsync();
        }

        _gate.Dispose();
    }

    private async Task<McpServerSession> SessionAsync(CancellationToken cancellationToken)
    {
        if (_session is { IsLive: true } live)
        {
            return live;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_session is { } current)
            {
                if (current.IsLive)
                {
                    return current;
                }

                LogReconnecting(Name);
                _session = null;
                await current.Client.DisposeAsync();
            }

            return _session = await ConnectAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task DropAsync(McpServerSession session)
    {
        await _gate.WaitAsync();
        try
        {
            if (ReferenceEquals(_session, session))
            {
                _session = null;
            }
        }
        finally
        {
            _gate.Release();
        }

        await session.Client.DisposeAsync();
    }

    private async Task<McpServerSession> ConnectAsync(CancellationToken cancellationToken)
    {
        McpClient? client = null;
        try
        {
            client = await McpClient.CreateAsync(Transport(), new McpClientOptions { ClientInfo = new Implementation { Name = "orchestrator", Version = "1.0" } }, _loggers, cancellationToken);
            var tools = await client.ListToolsAsync(cancellationToken: cancellationToken);
            return new McpServerSession(client, tools.ToDictionary(
                t => t.Name,
                t => new ToolDescriptor($"{McpToolSource.Prefix}{Name}.{t.Name}", t.Description, t.JsonSchema, "mcp"),
                StringComparer.Ordinal));
        }
        catch (Exception ex)
        {
            if (client is not null)
            {
                await client.DisposeAsync();
            }

            if (ex is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw (Exception?)EgressDenied(ex) ?? new ToolUnavailableException($"The MCP server '{Name}' ({Key}) could not be reached: {ex.Message}", ex);
        }
    }

    private IClientTransport Transport()
    {
        if (_settings["Url"] is { Length: > 0 } url)
        {
            var http = _clients.CreateClient(EgressHttp.ClientName);
            return new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), Name = Name }, http, _loggers, ownsHttpClient: true);
        }

        return new StdioClientTransport(
            new StdioClientTransportOptions
            {
                Name = Name,
                Command = _settings["Command"]!,
                Arguments = [.. _settings.GetSection("Arguments").GetChildren().Select(a => a.Value ?? string.Empty)],
                WorkingDirectory = _settings["WorkingDirectory"],
                EnvironmentVariables = _settings.GetSection("Environment").GetChildren().ToDictionary(e => e.Key, e => e.Value),
                StandardErrorLines = line => LogServerError(Name, line),
            },
            _loggers);
    }

    private ToolEgressDeniedException? EgressDenied(Exception exception) =>
        EgressHttp.Denial(exception) is { } denied
            ? new ToolEgressDeniedException($"The MCP server '{Name}' ({Key}:Url) may not be reached: {denied.Message}", denied)
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "The MCP server '{Server}' is gone; connecting again.")]
    private partial void LogReconnecting(string server);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}' stderr: {Line}")]
    private partial void LogServerError(string server, string line);
}
