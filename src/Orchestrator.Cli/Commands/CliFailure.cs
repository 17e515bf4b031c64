using System.Text.Json;
using Orchestrator.Cli.Api;

namespace Orchestrator.Cli.Commands;

/// <summary>Why a command failed, as an exit code and the reason printed after <c>orch: </c>.</summary>
internal readonly record struct CliFailure(ExitCode Code, string Reason)
{
    public static CliFailure From(Exception exception, bool cancelled) => exception switch
    {
        OperationCanceledException when cancelled => new(ExitCode.Cancelled, "cancelled"),
        UsageException usage => new(ExitCode.Usage, usage.Message),
        OrchestratorApiException api => new(ExitCodes.FromHttpStatus(api.StatusCode), api.Message),
        ServerUnreachableException unreachable => new(ExitCode.Unreachable, unreachable.Message),
        JsonException json => new(ExitCode.Error, $"unexpected response from the server: {json.Message}"),
        _ => new(ExitCode.Error, $"unexpected error: {exception.GetType().Name}: {exception.Message}"),
    };

    /// <summary>The reason on one line, as scripts that read stderr expect.</summary>
    public string OneLine() => string.Join(' ', Reason.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
