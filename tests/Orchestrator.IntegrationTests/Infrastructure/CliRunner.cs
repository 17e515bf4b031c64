using System.Diagnostics;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>Runs the real <c>orch</c> program as a child process, the way a script would.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(ServerProcess server, string apiKey, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(BuiltArtifacts.CliDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["ORCH_URL"] = server.BaseAddress.ToString();
        info.Environment["ORCH_API_KEY"] = apiKey;
        info.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        return new CliResult(process.ExitCode, await stdout, await stderr);
    }
}

/// <summary>What a CLI run printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Stdout, string Stderr);
