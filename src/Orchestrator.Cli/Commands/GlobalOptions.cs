using System.CommandLine;

namespace Orchestrator.Cli.Commands;

/// <summary>The options every command accepts, before or after the command name.</summary>
internal sealed class GlobalOptions
{
    /// <summary>Used when neither <c>--server</c> nor <c>ORCH_URL</c> is set.</summary>
    public const string DefaultServer = "http://127.0.0.1:5080";

    public Option<string?> Server { get; } = new("--server")
    {
        Description = $"Orchestrator server URL [env: ORCH_URL] [default: {DefaultServer}]",
        HelpName = "url",
        Recursive = true,
    };

    public Option<string?> ApiKey { get; } = new("--api-key")
    {
        Description = "API key, sent as 'Authorization: Bearer <key>' [env: ORCH_API_KEY]",
        HelpName = "key",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the server's JSON and nothing else on stdout",
        Recursive = true,
    };

    public void AddTo(Command root)
    {
        root.Add(Server);
        root.Add(ApiKey);
        root.Add(Json);
    }

    /// <summary>The server from <c>--server</c>, else <c>ORCH_URL</c>, else the default; must be an absolute http(s) URL.</summary>
    public Uri ResolveServer(ParseResult parse, Func<string, string?> getVariable)
    {
        var (value, source) = parse.GetValue(Server) is { Length: > 0 } option
            ? (option, "--server")
            : getVariable("ORCH_URL") is { Length: > 0 } variable ? (variable, "ORCH_URL") : (DefaultServer, "the default server");
        return Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new UsageException($"{source} '{value}' is not an http:// or https:// URL");
    }

    /// <summary>The key from <c>--api-key</c>, else <c>ORCH_API_KEY</c>; null when neither is set.</summary>
    public string? ResolveApiKey(ParseResult parse, Func<string, string?> getVariable) =>
        parse.GetValue(ApiKey) is { Length: > 0 } option ? option
        : getVariable("ORCH_API_KEY") is { Length: > 0 } variable ? variable
        : null;
}
