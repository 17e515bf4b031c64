using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>
/// The sample research-library MCP server (workflows/Orchestrator.Workflows.Mcp), built with this test project:
/// settings to have the registry start it over stdio, or a process the test starts serving streamable HTTP.
/// </summary>
internal sealed class SampleMcpServer : IDisposable
{
    public static readonly string Dll = typeof(SampleMcpServer).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "McpServerDll").Value!;

    private readonly Process _process;

    private SampleMcpServer(Process process, string url)
    {
        _process = process;
        Url = url;
    }

    /// <summary>The streamable HTTP endpoint.</summary>
    public string Url { get; }

    /// <summary>Configuration for the server <c>library</c> over stdio; with a pid file, the server writes its process id there.</summary>
    public static Dictionary<string, string?> Stdio(string? pidFile = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Mcp:library:Command"] = "dotnet",
            ["Orchestrator:Tools:Mcp:library:Arguments:0"] = Dll,
        };
        if (pidFile is not null)
        {
            settings["Orchestrator:Tools:Mcp:library:Environment:LIBRARY_PID_FILE"] = pidFile;
        }

        return settings;
    }

    /// <summary>Starts the server over streamable HTTP on a free loopback port and waits until it listens.</summary>
    public static async Task<SampleMcpServer> StartHttpAsync()
    {
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        var process = Process.Start(new ProcessStartInfo("dotnet", [Dll, "--http", "--urls", url, "--Logging:LogLevel:Default=Warning"]))!;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return new SampleMcpServer(process, url + "/mcp");
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        process.Kill(entireProcessTree: true);
        process.Dispose();
        throw new TimeoutException($"The sample MCP server did not listen on {url} within 30 s.");
    }

    /// <summary>Kills the stdio server whose process id is in the pid file (a process the registry started for the test).</summary>
    public static async Task<int> KillFromPidFileAsync(string pidFile)
    {
        using var process = Process.GetProcessById(int.Parse(await File.ReadAllTextAsync(pidFile), CultureInfo.InvariantCulture));
        var pid = process.Id;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return pid;
    }

    public void Dispose()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
