using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;

namespace Orchestrator.Bench;

/// <summary>
/// What the HTTP API adds: 1,000 instances × 10 no-op activities started through <c>POST /api/instances</c> on a real
/// server process (Release build, SQLite in a fresh data folder, an API key), timed from the first request until every
/// instance reads Completed, beside W2 (the same work started in-process) measured just before it in the same run.
/// </summary>
internal static class HttpWorkload
{
    private const int Instances = 1000;
    private const int Steps = 10;
    private const string Key = "bench-key";

    public static async Task<BenchResult> RunAsync()
    {
        var inProcess = await Workloads.ManyInstancesAsync(fullSync: false);
        var folder = Path.Combine(Path.GetTempPath(), "orch-bench-http-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var port = FreePort();
        using var server = StartServer(await ServerDllAsync(), folder, port);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
            await WaitUntilHealthyAsync(http, server);
            await RunAsync(http, 20); // warm-up: JIT, connections, SQLite caches

            var watch = Stopwatch.StartNew();
            await RunAsync(http, Instances);
            watch.Stop();

            var rate = Instances * Steps / watch.Elapsed.TotalSeconds;
            var ratio = rate / inProcess.Value;
            return new BenchResult("HTTP", $"{Instances:N0} instances × {Steps} activities started through POST /api/instances", rate, "activities/s",
                "≥ 60 % of in-process W2", ratio >= 0.6,
                $"{ratio:P0} of in-process W2 {inProcess.Value:N0} activities/s in the same run; {watch.Elapsed.TotalMilliseconds:F0} ms until all read Completed");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task RunAsync(HttpClient http, int instances)
    {
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(async _ =>
        {
            using var response = await http.PostAsJsonAsync("/api/instances", new { workflow = "samples.sequence", input = new { steps = Steps } });
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"POST /api/instances answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            }

            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("instanceId").GetString()!;
        }));

        // They finish roughly in the order they started, so one pass that waits on each in turn ends with the last.
        foreach (var id in ids)
        {
            while (true)
            {
                var instance = await http.GetFromJsonAsync<JsonElement>($"/api/instances/{id}");
                var status = instance.GetProperty("status").GetString();
                if (status == "Completed")
                {
                    break;
                }

                if (status is "Failed" or "Terminated")
                {
                    throw new InvalidOperationException($"Instance {id} ended {status}.");
                }

                await Task.Delay(5);
            }
        }
    }

    private static Process StartServer(string dll, string folder, int port)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Orchestrator__DataDir"] = Path.Combine(folder, "data");
        info.Environment["Orchestrator__Users__bench__ApiKey"] = Key;
        info.Environment["Orchestrator__Users__bench__Roles__0"] = "developer";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the server.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is { Length: > 0 } line)
            {
                Console.Error.WriteLine($"server: {line}");
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>The Release build of the server, built first when it is not there.</summary>
    private static async Task<string> ServerDllAsync()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "Orchestrator.sln")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("The benchmark runs from inside the repository; Orchestrator.sln was not found above it.");
        }

        var project = Path.Combine(root, "src", "Orchestrator.Server", "Orchestrator.Server.csproj");
        var dll = Path.Combine(root, "src", "Orchestrator.Server", "bin", "Release", "net10.0", "Orchestrator.Server.dll");
        using var build = Process.Start(new ProcessStartInfo("dotnet", ["build", "-c", "Release", project, "-v", "quiet", "-nologo"]) { UseShellExecute = false })!;
        await build.WaitForExitAsync();
        return build.ExitCode == 0 && File.Exists(dll)
            ? dll
            : throw new InvalidOperationException($"Building the server failed ({build.ExitCode}); run: dotnet build -c Release {project}");
    }

    private static async Task WaitUntilHealthyAsync(HttpClient http, Process server)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {server.ExitCode.ToString(CultureInfo.InvariantCulture)} at start.");
            }

            try
            {
                using var response = await http.GetAsync("/api/health");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The server did not answer /api/health within 60 s.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
