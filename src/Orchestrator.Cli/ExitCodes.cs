using System.Net;
using System.Text;
using Orchestrator.Cli.Api.Models;

namespace Orchestrator.Cli;

/// <summary>Maps outcomes (HTTP statuses, terminal instance statuses, audit verification) to <see cref="ExitCode"/> and documents them.</summary>
internal static class ExitCodes
{
    /// <summary>Every exit code with the one-line meaning shown in <c>--help</c>.</summary>
    public static IReadOnlyList<(ExitCode Code, string Meaning)> Documented { get; } =
    [
        (ExitCode.Ok, "success (watch: the instance Completed)"),
        (ExitCode.Error, "server error or unexpected failure"),
        (ExitCode.Usage, "usage error: bad arguments, invalid JSON in --input/--data/--edits, HTTP 400/422"),
        (ExitCode.NotFound, "not found (HTTP 404)"),
        (ExitCode.Conflict, "conflict (HTTP 409), e.g. not allowed in the current status, approval already decided"),
        (ExitCode.Unauthorized, "unauthorized or forbidden (HTTP 401/403)"),
        (ExitCode.Unreachable, "cannot reach the server (connection failed or timed out)"),
        (ExitCode.InstanceFailed, "the watched instance Failed"),
        (ExitCode.InstanceTerminated, "the watched instance was Terminated"),
        (ExitCode.AuditChainBroken, "audit --verify: the audit chain is broken"),
        (ExitCode.Cancelled, "interrupted (Ctrl+C)"),
    ];

    /// <summary>The exit code for an HTTP error status the server answered with.</summary>
    public static ExitCode FromHttpStatus(HttpStatusCode status) => (int)status switch
    {
        400 or 422 => ExitCode.Usage,
        401 or 403 => ExitCode.Unauthorized,
        404 => ExitCode.NotFound,
        409 => ExitCode.Conflict,
        _ => ExitCode.Error,
    };

    /// <summary>The exit code a watch ends with once the instance reached <paramref name="status"/>.</summary>
    public static ExitCode FromTerminalStatus(string status) => status switch
    {
        InstanceStatuses.Completed => ExitCode.Ok,
        InstanceStatuses.Failed => ExitCode.InstanceFailed,
        InstanceStatuses.Terminated => ExitCode.InstanceTerminated,
        _ => ExitCode.Error,
    };

    /// <summary>The text appended to every <c>--help</c>: exit codes and environment variables.</summary>
    public static string HelpEpilog()
    {
        var text = new StringBuilder();
        text.AppendLine("Exit codes:");
        foreach (var (code, meaning) in Documented)
        {
            text.Append("  ").Append(((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture).PadRight(5)).AppendLine(meaning);
        }

        text.AppendLine();
        text.AppendLine("Environment:");
        text.AppendLine("  ORCH_URL      server address when --server is not given");
        text.AppendLine("  ORCH_API_KEY  API key when --api-key is not given");
        text.AppendLine("  NO_COLOR      any value turns colours off");
        return text.ToString();
    }
}
