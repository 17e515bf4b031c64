using System.Text.Json;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Tools;

/// <summary>MCP tools of the sample research-library server, over stdio and over streamable HTTP, each a real process.</summary>
public sealed class McpToolTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task List_OverStdio_DiscoversTheServersToolsUnderItsNamespace_BesideTheOtherTools()
    {
        await using var tools = ToolHost.Create(SampleMcpServer.Stdio());

        var all = await tools.Registry.ListAsync();

        all.Select(t => t.Name).Should().Contain(["crm.lookup", "calendar.next-slot", "mcp:library.get_abstract", "mcp:library.search_papers"]);
        var search = all.Single(t => t.Name == "mcp:library.search_papers");
        search.Kind.Should().Be("mcp");
        search.Description.Should().StartWith("Searches the library");
        search.Parameters.GetProperty("properties").GetProperty("query").GetProperty("type").GetString().Should().Be("string");
        search.Parameters.GetProperty("required").EnumerateArray().Select(r => r.GetString()).Should().Equal("query");
    }

    [Fact]
    public async Task CallToolAsync_OverStdio_SendsTheIdempotencyKeyAndPrincipalInMeta()
    {
        var (instanceId, output) = await RunAsync(SampleMcpServer.Stdio());

        output.GetProperty("papers")[0].GetProperty("id").GetString().Should().Be("P-42");
        output.GetProperty("idempotencyKey").GetString().Should().Be($"{instanceId}:0");
        output.GetProperty("onBehalfOf").GetString().Should().Be("alice");
    }

    [Fact]
    public async Task CallToolAsync_OverStreamableHttp_SendsTheIdempotencyKeyInMeta()
    {
        using var server = await SampleMcpServer.StartHttpAsync();

        var (instanceId, output) = await RunAsync(new Dictionary<string, string?> { ["Orchestrator:Tools:Mcp:library:Url"] = server.Url });

        output.GetProperty("papers")[0].GetProperty("title").GetString().Should().Contain("Repairability");
        output.GetProperty("idempotencyKey").GetString().Should().Be($"{instanceId}:0");
    }

    [Fact]
    public async Task Invoke_AgentCall_CarriesTheAgentInMetaToo()
    {
        await using var tools = ToolHost.Create(SampleMcpServer.Stdio());

        var result = JsonDocument.Parse(await tools.InvokeAsync("mcp:library.search_papers", """{"query":"espresso"}""")).RootElement;

        result.GetProperty("papers").EnumerateArray().Select(p => p.GetProperty("id").GetString()).Should().Equal("P-58");
        result.GetProperty("idempotencyKey").GetString().Should().Be("inst-1:4");
        result.GetProperty("agent").GetString().Should().Be("support");
        result.GetProperty("onBehalfOf").GetString().Should().Be("alice");
    }

    [Fact]
    public async Task Invoke_ToolResultWithIsError_ThrowsToolCallFailedWithItsText()
    {
        await using var tools = ToolHost.Create(SampleMcpServer.Stdio());

        await tools.Invoking(t => t.InvokeAsync("mcp:library.get_abstract", """{"id":"P-00"}"""))
            .Should().ThrowAsync<ToolCallFailedException>().WithMessage("*mcp:library.get_abstract*No paper has the id 'P-00'*");
    }

    [Fact]
    public async Task Invoke_UnknownMcpToolOrServer_ThrowsToolNotFoundSayingWhatThereIs()
    {
        await using var tools = ToolHost.Create(SampleMcpServer.Stdio());

        await tools.Invoking(t => t.InvokeAsync("mcp:library.delete_paper", "{}"))
            .Should().ThrowAsync<ToolNotFoundException>().WithMessage("*'library' has no tool 'delete_paper'*mcp:library.get_abstract, mcp:library.search_papers*");
        await tools.Invoking(t => t.InvokeAsync("mcp:files.read", "{}"))
            .Should().ThrowAsync<ToolNotFoundException>().WithMessage("*Orchestrator:Tools:Mcp*configured: library*");
        await tools.Invoking(t => t.InvokeAsync("mcp:library.search_papers", """{"q":"x"}"""))
            .Should().ThrowAsync<ToolArgumentsException>().WithMessage("*'query'*");
    }

    [Fact]
    public async Task Invoke_AfterTheStdioServerDied_StartsItAgain()
    {
        Directory.CreateDirectory(_folder.Path);
        var pidFile = Path.Combine(_folder.Path, "library.pid");
        await using var tools = ToolHost.Create(SampleMcpServer.Stdio(pidFile));
        await tools.InvokeAsync("mcp:library.search_papers", """{"query":"repair"}""");
        var first = await SampleMcpServer.KillFromPidFileAsync(pidFile);

        var result = await CallAllowingOneRetryAsync(tools, "mcp:library.search_papers", """{"query":"repair"}""");

        JsonDocument.Parse(result).RootElement.GetProperty("papers")[0].GetProperty("id").GetString().Should().Be("P-42");
        int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture).Should().NotBe(first, "a new server process serves the call");
    }

    /// <summary>
    /// A server that died is noticed either before the call (then the call connects again at once) or by the call itself
    /// (then that attempt fails as retryable and the next one connects again) — never more than one failed attempt.
    /// </summary>
    private static async Task<string> CallAllowingOneRetryAsync(ToolHost tools, string tool, string arguments)
    {
        try
        {
            return await tools.InvokeAsync(tool, arguments);
        }
        catch (ToolUnavailableException)
        {
            return await tools.InvokeAsync(tool, arguments);
        }
    }

    private async Task<(string InstanceId, JsonElement Output)> RunAsync(Dictionary<string, string?> settings)
    {
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, settings: settings, register: (o, _) =>
            o.AddWorkflow<string, JsonElement>("test.mcp", (ctx, q) => ctx.CallToolAsync("mcp:library.search_papers", new { query = q })));

        var done = await host.RunAsync("test.mcp", "repair", timeoutSeconds: 60);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage ?? done.Error?.ErrorMessage);
        return (done.InstanceId, JsonDocument.Parse(done.Output!).RootElement.Clone());
    }
}
