using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>MCP tools from the sample MCP server, over stdio and over streamable HTTP, each a real process.</summary>
public sealed class McpToolTests : IDisposable
{
    private static readonly string ServerDll = typeof(McpToolTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "McpServerDll").Value!;

    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task McpTool_OverStdio_IsDiscoveredNamespacedAndGetsTheIdempotencyKey()
    {
        var result = await CallAsync(new Dictionary<string, string?>
        {
            ["Orchestrator:Tools:Mcp:library:Command"] = "dotnet",
            ["Orchestrator:Tools:Mcp:library:Arguments:0"] = ServerDll,
        });

        result.Output.GetProperty("papers")[0].GetProperty("id").GetString().Should().Be("P-42");
        result.Output.GetProperty("idempotencyKey").GetString().Should().Be($"{result.InstanceId}:0");
    }

    [Fact]
    public async Task McpTool_OverStreamableHttp_Works()
    {
        var port = FreePort();
        using var server = Process.Start(new ProcessStartInfo("dotnet", [ServerDll, "--http", "--urls", $"http://127.0.0.1:{port}"]))!;
        try
        {
            await WaitForPortAsync(port);
            var result = await CallAsync(new Dictionary<string, string?> { ["Orchestrator:Tools:Mcp:library:Url"] = $"http://127.0.0.1:{port}/mcp" });

            result.Output.GetProperty("papers")[0].GetProperty("title").GetString().Should().Contain("Repairability");
            result.Output.GetProperty("idempotencyKey").GetString().Should().Be($"{result.InstanceId}:0");
        }
        finally
        {
            server.Kill(entireProcessTree: true);
        }
    }

    private async Task<(string InstanceId, JsonElement Output)> CallAsync(Dictionary<string, string?> settings)
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: settings, register: (o, _) =>
            o.AddWorkflow<string, JsonElement>("test.mcp", (ctx, q) => ctx.CallToolAsync("mcp:library.search_papers", new { query = q })));

        var done = await host.RunAsync("test.mcp", "repair", timeoutSeconds: 60);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage ?? done.Error?.ErrorMessage);
        return (done.InstanceId, JsonDocument.Parse(done.Output!).RootElement.Clone());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"The MCP server did not listen on {port} within 30 s.");
    }
}
