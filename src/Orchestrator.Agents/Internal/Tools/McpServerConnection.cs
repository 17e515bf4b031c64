using System.Globalization;
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
/// Environment; see <see cref="McpStdioLaunch"/>) or streamable HTTP (Url, through <see cref="EgressHttp"/>, so the
/// egress allow-list holds). Connects on first use, caches the tool list with the connection, and connects again
/// (listing the tools anew) once the connection is gone or a call failed on it. Starting the server and listing its
/// tools must finish within <c>ConnectTimeout</c>: a server that never answers (or sends an answer the client cannot
/// read, which the client drops) is unavailable after that time, not a hang.
/// </summary>
internal sealed partial class McpServerConnection : IAsyncDisposable
{
    private readonly IConfigurationSection _settings;
    private readonly IConfiguration _configuration;
    private readonly OneLineLoggerFactory _loggers;
    private readonly IHttpClientFactory _clients;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeSpan _connectTimeout;
    private volatile McpServerSession? _session;

    private McpServerConnection(string name, TimeSpan connectTimeout, IConfigurationSection settings, IConfiguration configuration, ILoggerFactory loggers, IHttpClientFactory clients)
    {
        Name = name;
        _connectTimeout = connectTimeout;
        _settings = settings;
        _configuration = configuration;
        _loggers = new OneLineLoggerFactory(loggers);
        _clients = clients;
        _logger = loggers.CreateLogger<McpServerConnection>();
    }

    /// <summary>How long starting a server and listing its tools may take unless <c>ConnectTimeout</c> says otherwise.</summary>
    public static readonly TimeSpan DefaultConnectTimeout = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromMinutes(10);

    public string Name { get; }

    public string Key => $"{McpToolSource.Section}:{Name}";

    /// <summary>Reads and checks a server's settings (a start-up error names the key to fix); connects later.</summary>
    public static McpServerConnection Read(IConfigurationSection settings, IConfiguration configuration, ILoggerFactory loggers, IHttpClientFactory clients)
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

        return new McpServerConnection(settings.Key, ConnectTimeout(settings, key), settings, configuration, loggers, clients);
    }

    public async Task<IReadOnlyDictionary<string, ToolDescriptor>> ToolsAsync(CancellationToken cancellationToken) =>
        (await SessionAsync(cancellationToken)).Tools;

    /// <summary>Calls a tool; its result as JSON (see <see cref="McpToolResult"/>), with the secrets the server was started with cut out.</summary>
    public async Task<string> CallAsync(string tool, IReadOnlyDictionary<string, object?> arguments, JsonObject meta, CancellationToken cancellationToken)
    {
        var session = await SessionAsync(cancellationToken);
        CallToolResult result;
        try
        {
            result = await session.Client.CallToolAsync(tool, arguments, progress: null, new RequestOptions { Meta = meta }, cancellationToken);
        }
        catch (McpProtocolException ex)
        {
            var refused = $"The MCP server '{Name}' refused the call to '{tool}' ({ex.ErrorCode}): {ex.Message}";
            throw session.Secrets is { } known ? new ToolCallFailedException(known.Redact(refused)) : new ToolCallFailedException(refused, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            await DropAsync(session);
            throw (Exception?)EgressDenied(ex) ?? Unavailable(
                $"The MCP server '{Name}' ({Key}) failed during the call to '{tool}' and will be connected again on the next attempt: {OneLineLoggerFactory.Messages(ex)}", ex, session.Secrets);
        }

        var secrets = session.Secrets;
        try
        {
            var json = McpToolResult.ToJson($"{McpToolSource.Prefix}{Name}.{tool}", result);
            return secrets is null ? json : secrets.Redact(json);
        }
        catch (ToolCallFailedException ex) when (secrets is not null)
        {
            throw new ToolCallFailedException(secrets.Redact(ex.Message));
        }
    }

    /// <summary>
    /// Why the server cannot start, when that is known without starting it (a missing command, program file or
    /// working directory, or a secret that is not set); null when nothing is missing or the server is reached over HTTP.
    /// </summary>
    public string? MissingForStart()
    {
        if (_settings["Url"] is { Length: > 0 })
        {
            return null;
        }

        try
        {
            McpStdioLaunch.Prepare(Name, _settings, _configuration);
            return null;
        }
        catch (ToolUnavailableException ex)
        {
            return ex.Message;
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
        // Checked before anything starts: a missing file is this one line, not a process that fails in the library.
        var errors = new ErrorTail();
        var (transport, secrets) = Transport(errors);
        McpClient? client = null;
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(_connectTimeout);
        try
        {
            client = await McpClient.CreateAsync(transport, new McpClientOptions { ClientInfo = new Implementation { Name = "orchestrator", Version = "1.0" } }, _loggers, bounded.Token);
            var tools = await client.ListToolsAsync(cancellationToken: bounded.Token);
            return new McpServerSession(
                client,
                tools.ToDictionary(t => t.Name, t => new ToolDescriptor($"{McpToolSource.Prefix}{Name}.{t.Name}", t.Description, t.JsonSchema, "mcp"), StringComparer.Ordinal),
                secrets);
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

            if (ex is OperationCanceledException or TimeoutException && bounded.IsCancellationRequested)
            {
                throw new ToolUnavailableException(
                    $"The MCP server '{Name}' ({Key}) did not start and list its tools within {_connectTimeout:c} ({Key}:ConnectTimeout); it was stopped and will be started again on the next attempt.", ex);
            }

            if (EgressDenied(ex) is { } denied)
            {
                throw denied;
            }

            throw Unavailable($"The MCP server '{Name}' ({Key}) could not be reached: {await WithErrorOutputAsync(OneLineLoggerFactory.Messages(ex), errors, secrets)}", ex, secrets);
        }
    }

    private static TimeSpan ConnectTimeout(IConfigurationSection settings, string key)
    {
        if (settings["ConnectTimeout"] is not { Length: > 0 } text)
        {
            return DefaultConnectTimeout;
        }

        return TimeSpan.TryParse(text.Trim(), CultureInfo.InvariantCulture, out var value) && value > TimeSpan.Zero && value <= MaxConnectTimeout
            ? value
            : throw new InvalidOperationException($"{key}:ConnectTimeout must be a time span above zero and at most {MaxConnectTimeout:c} (e.g. 00:00:30); it is '{text}'.");
    }

    private (IClientTransport Transport, ToolSecrets? Secrets) Transport(ErrorTail errors)
    {
        if (_settings["Url"] is { Length: > 0 } url)
        {
            var http = _clients.CreateClient(EgressHttp.ClientName);
            return (new HttpClientTransport(new HttpClientTransportOptions { Endpoint = new Uri(url), Name = Name }, http, _loggers, ownsHttpClient: true), null);
        }

        var launch = McpStdioLaunch.Prepare(Name, _settings, _configuration);
        _loggers.Redact = launch.Secrets is { } known ? known.Redact : null;
        var transport = new StdioClientTransport(
            new StdioClientTransportOptions
            {
                Name = Name,
                Command = launch.Command,
                Arguments = [.. launch.Arguments],
                WorkingDirectory = launch.WorkingDirectory,
                EnvironmentVariables = launch.Environment,
                StandardErrorLines = line =>
                {
                    var said = launch.Secrets is { } secrets ? secrets.Redact(line) : line;
                    errors.Add(said);
                    LogServerError(Name, said);
                },
            },
            _loggers);
        return (transport, launch.Secrets);
    }

    /// <summary>
    /// The failure with what the server last wrote to stderr (a process that exits at once says why there), unless the
    /// failure already says it; the secrets the server was started with are cut out, as from its answers. The client may
    /// report the closed pipe before it has read that output, so a failed start waits a moment for it.
    /// </summary>
    private async Task<string> WithErrorOutputAsync(string failure, ErrorTail errors, ToolSecrets? secrets)
    {
        if (_settings["Url"] is { Length: > 0 })
        {
            return failure;
        }

        if (errors.IsEmpty)
        {
            await Task.Delay(ErrorTail.Grace);
        }

        var output = errors.Text();
        var said = secrets is null ? failure : secrets.Redact(failure);
        return output.Length == 0 || said.Contains(output, StringComparison.Ordinal) ? failure : $"{failure} Its error output ended with: {output}";
    }

    /// <summary>
    /// The server is unavailable, as answers and history show it: with the secrets it was started with cut out of the
    /// text, and then without the library's exception attached, whose messages (the server's stderr, say) still hold them.
    /// </summary>
    private static ToolUnavailableException Unavailable(string message, Exception cause, ToolSecrets? secrets) =>
        secrets is null ? new ToolUnavailableException(message, cause) : new ToolUnavailableException(secrets.Redact(message));

    private ToolEgressDeniedException? EgressDenied(Exception exception) =>
        EgressHttp.Denial(exception) is { } denied
            ? new ToolEgressDeniedException($"The MCP server '{Name}' ({Key}:Url) may not be reached: {denied.Message}", denied)
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "The MCP server '{Server}' is gone; connecting again.")]
    private partial void LogReconnecting(string server);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MCP server '{Server}' stderr: {Line}")]
    private partial void LogServerError(string server, string line);
}
