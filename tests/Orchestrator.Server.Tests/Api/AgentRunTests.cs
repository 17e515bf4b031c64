using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Server.Tests.Workflows;
using Orchestrator.Testing;

namespace Orchestrator.Server.Tests.Api;

/// <summary>A real agent run through the scripted OpenAI-compatible server, read back through the API.</summary>
public sealed class AgentRunTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-agent-run-" + Guid.NewGuid().ToString("N"));
    private ScriptedModelServer _model = null!;
    private WebApplication _app = null!;
    private HttpClient _developer = null!;

    public async Task InitializeAsync()
    {
        _model = await ScriptedModelServer.StartAsync();
        _app = ServerFixture.CreateApp(_dataDir, new Dictionary<string, string?>
        {
            ["Orchestrator:Models:default:Endpoint"] = _model.BaseUrl,
            ["Orchestrator:Models:default:ApiKey"] = "test-key",
            ["Orchestrator:Models:default:Model"] = "test-model",
            ["Orchestrator:Models:default:Prices:InputPerMillion"] = "2",
            ["Orchestrator:Models:default:Prices:OutputPerMillion"] = "8",
        });
        await _app.StartAsync();
        _developer = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()) };
        _developer.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.KeyOf(TestUsers.Developer));
    }

    public async Task DisposeAsync()
    {
        _developer.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _model.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task AgentRun_WithUsage_CountsForTheParentWorkflowAndRollsUpToTheParentInstance()
    {
        _model.Enqueue(
            ScriptedReply.ToolCall("orders_find", new { id = "A-1" }).WithUsage(1000, 100),
            ScriptedReply.Reply("A-1 is on its way.").WithUsage(3000, 200));
        var parent = await _developer.StartAsync(TriageAgentWorkflow.Name, "Where is A-1?");
        await _developer.WaitForStatusAsync(parent, "Completed");
        var child = await ChildOfAsync(parent);

        var root = await GetAsync($"/api/instances/{parent}");
        var agentRun = await GetAsync($"/api/instances/{child}");
        var byWorkflow = await GetAsync("/api/usage?groupBy=workflow");
        var byAgent = await GetAsync("/api/usage?groupBy=agent");

        root.GetProperty("ownUsage").GetProperty("inputTokens").GetInt64().Should().Be(0, "the parent's own steps call no model");
        root.GetProperty("usage").GetProperty("inputTokens").GetInt64().Should().Be(4000, "the parent's usage includes its agent's");
        root.GetProperty("usage").GetProperty("outputTokens").GetInt64().Should().Be(300);
        root.GetProperty("usage").GetProperty("costUsd").GetDecimal().Should().Be(((4000m * 2) + (300m * 8)) / 1_000_000m);
        agentRun.GetProperty("ownUsage").GetProperty("inputTokens").GetInt64().Should().Be(4000);
        agentRun.GetProperty("usage").GetProperty("inputTokens").GetInt64().Should().Be(4000);
        Keys(byWorkflow).Should().Equal([TriageAgentWorkflow.Name], "an agent's usage counts for the workflow that ran it");
        Keys(byAgent).Should().Equal(TriageAgentWorkflow.Agent);
        byWorkflow.GetProperty("items")[0].GetProperty("inputTokens").GetInt64().Should().Be(4000);
    }

    [Fact]
    public async Task AgentRun_ToolsNamedAlike_StepsAndHistoryShowTheRegisteredNames()
    {
        _model.Enqueue(
            ScriptedReply.ToolCalls(("orders_find_2", new { id = "A-1" }), ("orders_find", new { id = "B-2" })),
            ScriptedReply.Reply("Found both."));
        var parent = await _developer.StartAsync(TriageAgentWorkflow.Name, "Find A-1 and B-2.");
        await _developer.WaitForStatusAsync(parent, "Completed");
        var child = await ChildOfAsync(parent);

        var history = await GetAsync($"/api/instances/{child}/history");
        var steps = history.GetProperty("steps").EnumerateArray().ToList();

        _model.Requests[0].Tools.Should().Equal("orders_find_2", "orders_find");
        var toolCalls = steps.Where(s => s.GetProperty("name").GetString() == "orchestrator.tool-call").ToList();
        toolCalls.Select(s => (s.GetProperty("input").GetProperty("tool").GetString(), s.GetProperty("output").GetRawText()))
            .Should().BeEquivalentTo([("orders.find", """{"found":"A-1"}"""), ("orders_find", """{"archived":"B-2"}""")]);
        var modelTurn = steps.First(s => s.GetProperty("name").GetString() == "orchestrator.model-call");
        modelTurn.GetProperty("input").GetProperty("tools").EnumerateArray().Select(t => t.GetProperty("name").GetString())
            .Should().Equal("orders.find", "orders_find");
        modelTurn.GetProperty("output").GetProperty("message").GetProperty("toolCalls").EnumerateArray()
            .Select(c => c.GetProperty("name").GetString()).Should().Equal("orders.find", "orders_find");
        history.GetRawText().Should().NotContain("orders_find_2", "the provider's spelling never reaches a record people read");
    }

    private async Task<string> ChildOfAsync(string parent)
    {
        var children = (await GetAsync($"/api/instances?parent={parent}")).GetProperty("items").EnumerateArray().ToList();
        children.Should().ContainSingle();
        return children[0].GetProperty("instanceId").GetString()!;
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _developer.GetAsync(path);
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    private static List<string?> Keys(JsonElement usage) =>
        [.. usage.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("key").GetString())];
}
