using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>
/// A real Orchestrator server process on loopback, on a data folder that outlives it: kill it with
/// <see cref="Kill"/> (SIGKILL, as <c>kill -9</c>) and start another on the same folder.
/// </summary>
internal sealed class ServerProcess : IAsyncDisposable
{
    public const string AdminKey = "it-admin-key";
    public const string DeveloperKey = "it-developer-key";
    public const string ViewerKey = "it-viewer-key";
    public const string AliceKey = "it-alice-key";
    public const string CarolKey = "it-carol-key";

    private readonly Process _process;

    private ServerProcess(Process process, Uri baseAddress, string logPath)
    {
        _process = process;
        BaseAddress = baseAddress;
        LogPath = logPath;
        Api = new ApiClient(baseAddress, AdminKey);
    }

    public Uri BaseAddress { get; }

    /// <summary>The file that collects the server's standard output and error.</summary>
    public string LogPath { get; }

    public ApiClient Api { get; }

    public bool HasExited => _process.HasExited;

    public static async Task<ServerProcess> StartAsync(TestFolder folder, ServerOptions options)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = options.WorkingDirectory ?? Path.GetDirectoryName(BuiltArtifacts.ServerDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (options.ViaDotnetRun)
        {
            info.ArgumentList.Add("run");
            info.ArgumentList.Add("--project");
            info.ArgumentList.Add(Path.Combine(BuiltArtifacts.RepositoryRoot, "src", "Orchestrator.Server"));
            info.ArgumentList.Add("--no-build");
            info.ArgumentList.Add("--configuration");
            info.ArgumentList.Add(BuiltArtifacts.Configuration);
            info.ArgumentList.Add("--");
        }
        else
        {
            info.ArgumentList.Add(BuiltArtifacts.ServerDll);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(baseAddress.ToString());
        if (options.Unconfigured)
        {
            foreach (var inherited in info.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || k.StartsWith("Orchestrator__", StringComparison.OrdinalIgnoreCase)
                || k is "DOTNET_ENVIRONMENT" or "ORCHESTRATOR_DEFAULT_ENVIRONMENT").ToList())
            {
                info.Environment.Remove(inherited);
            }
        }

        foreach (var (key, value) in options.Unconfigured ? options.Extra.Select(e => (e.Key, e.Value)) : Environment(folder, options))
        {
            info.Environment[key] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server process.");
        var log = folder.File($"server-{process.Id}.log");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new ServerProcess(process, baseAddress, log);
        await server.WaitUntilHealthyAsync(log);
        return server;
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or power cut.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Api.Dispose();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }

    private static IEnumerable<(string, string)> Environment(TestFolder folder, ServerOptions options)
    {
        yield return ("ASPNETCORE_ENVIRONMENT", "Production");
        yield return ("Orchestrator__DataDir", folder.File("data"));
        yield return ("Orchestrator__WorkflowAssemblies__0", BuiltArtifacts.TestWorkflowsDll);
        yield return ("Orchestrator__Engine__InstanceCacheEnabled", options.CacheEnabled ? "true" : "false");
        yield return ("Orchestrator__Users__admin__ApiKey", AdminKey);
        yield return ("Orchestrator__Users__admin__Roles__0", "admin");
        yield return ("Orchestrator__Users__dev__ApiKey", DeveloperKey);
        yield return ("Orchestrator__Users__dev__Roles__0", "developer");
        yield return ("Orchestrator__Users__watcher__ApiKey", ViewerKey);
        yield return ("Orchestrator__Users__watcher__Roles__0", "viewer");
        yield return ("ItTests__LedgerPath", folder.File("ledger.db"));
        yield return ("ItTests__CodeVersion", options.CodeVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        yield return ("Logging__LogLevel__Default", "Warning");
        yield return ("Orchestrator__Users__alice__ApiKey", AliceKey);
        yield return ("Orchestrator__Users__alice__Roles__0", "approver");
        yield return ("Orchestrator__Users__carol__ApiKey", CarolKey);
        yield return ("Orchestrator__Users__carol__Roles__0", "approver");
        if (options.ModelEndpoint is { } endpoint)
        {
            yield return ("Orchestrator__Models__default__Endpoint", endpoint);
            yield return ("Orchestrator__Models__default__ApiKey", "it-model-key");
            yield return ("Orchestrator__Models__default__Model", "it-model");
        }

        foreach (var (key, value) in options.Extra)
        {
            yield return (key, value);
        }

        if (options.Fault is { } fault)
        {
            yield return ("Orchestrator__Faults__Point", fault.Point);
            yield return ("Orchestrator__Faults__AfterHits", fault.AfterHits.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private async Task WaitUntilHealthyAsync(string log)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode} at start:\n{ReadLog(log)}");
            }

            try
            {
                if ((await http.GetAsync(new Uri("/api/health", UriKind.Relative))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(100);
        }

        Kill();
        throw new TimeoutException($"The server did not become healthy in 60 s:\n{ReadLog(log)}");
    }

    private static string ReadLog(string log) => File.Exists(log) ? File.ReadAllText(log) : "(no output)";

    private static void Append(string log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (typeof(ServerProcess))
        {
            File.AppendAllText(log, line + "\n");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
