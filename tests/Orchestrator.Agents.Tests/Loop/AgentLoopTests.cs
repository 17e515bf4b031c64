using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Loop;

public sealed class AgentLoopTests : IDisposable
{
    private readonly TestDataFolder _folder = new();
    private readonly ToolLedger _ledger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAgent_ToolCallThenAnswer_CompletesWithUsageCostAndPrincipal()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("crm_lookup", new { orderId = "A-1" }).WithUsage(100, 20, 40), ScriptedReply.Reply("Order A-1 was delivered damaged.").WithUsage(150, 10));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));

        var done = await host.RunAsync("test.support", "Where is order A-1?");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        var result = OrchestratorJson.Deserialize<AgentRunResult>(done.Output)!;
        result.Status.Should().Be(AgentRunStatus.Completed);
        result.Output.Should().Be("Order A-1 was delivered damaged.");
        result.Turns.Should().Be(2);
        result.ToolCalls.Should().Be(1);
        result.Usage.Should().Be(new Orchestrator.Agents.Models.TokenUsage(250, 40, 30));
        result.CostUsd.Should().Be(((60m * 2) + (40m * 0.5m) + (20m * 8) + (150m * 2) + (10m * 8)) / 1_000_000m);
        var call = _ledger.Calls.Single();
        (call.Tool, call.Agent, call.OnBehalfOf).Should().Be(("crm.lookup", "support", "alice"));
        model.Requests[1].MessageCount.Should().Be(4, "system, user, the assistant's tool call and the tool result");
        model.Requests[0].Tools.Should().BeEquivalentTo(["crm_lookup", "billing_refund"]);
    }

    [Fact]
    public async Task RunAgent_ParallelToolCalls_RunAllAndAnswerEach()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            ScriptedReply.ToolCalls(("crm_lookup", new { orderId = "A-1" }), ("crm_lookup", new { orderId = "A-2" }), ("crm_lookup", new { orderId = "missing" })),
            ScriptedReply.Reply("Two found, one missing."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));

        var done = await host.RunAsync("test.support", "Check A-1, A-2 and missing.");

        OrchestratorJson.Deserialize<AgentRunResult>(done.Output)!.ToolCalls.Should().Be(3);
        _ledger.Calls.Select(c => c.Detail).Should().BeEquivalentTo(["A-1", "A-2", "missing"]);
        _ledger.Calls.Select(c => c.Key).Distinct().Should().HaveCount(3);
        var toolResults = model.Requests[1].Body.GetProperty("messages").EnumerateArray().Where(m => m.GetProperty("role").GetString() == "tool").ToList();
        toolResults.Should().HaveCount(3);
        toolResults.Should().ContainSingle(m => m.GetProperty("content").GetString()!.Contains("No order missing", StringComparison.Ordinal),
            "a tool error goes back to the model as a tool result instead of failing the run");
    }

    [Fact]
    public async Task RunAgent_UnknownToolAndMalformedArguments_AreToldToTheModel()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            ScriptedReply.ToolCalls(("crm_delete_everything", new { }), ("crm_lookup", new { orderId = "A-1" })),
            ScriptedReply.MalformedToolCall("crm_lookup", "{\"orderId\": "),
            ScriptedReply.Reply("Sorry."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));

        var done = await host.RunAsync("test.support", "Delete everything.");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        _ledger.Calls.Should().ContainSingle("only the valid call ran");
        var second = model.Requests[1].Body.GetRawText();
        second.Should().Contain("Unknown tool 'crm_delete_everything'");
        model.Requests[2].Body.GetRawText().Should().Contain("not valid JSON");
    }

    [Fact]
    public async Task RunAgent_MaxTurns_StopsWithAClearStatus()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("crm_lookup", new { orderId = "A-1" }), ScriptedReply.ToolCall("crm_lookup", new { orderId = "A-2" }));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger, maxTurns: 2));

        var done = await host.RunAsync("test.support", "Loop forever.");

        var result = OrchestratorJson.Deserialize<AgentRunResult>(done.Output)!;
        result.Status.Should().Be(AgentRunStatus.MaxTurnsReached);
        result.Reason.Should().Contain("2 turns");
        model.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task RunAgent_RestartedHost_DoesNotResendCompletedModelTurns()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("crm_lookup", new { orderId = "A-1" }), ScriptedReply.Reply("Done."));
        var (first, second) = (0, 0);
        await using (var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger)))
        {
            var done = await host.RunAsync("test.support", "A-1?", id: "conv-1");
            done.Status.Should().Be(InstanceStatus.Completed);
            first = model.RequestCount;
        }

        // Replaying the whole run (cache off, new process state) must take every step from history.
        await using (var again = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger), cache: false))
        {
            (await again.Client.GetHistoryAsync("conv-1")).OfType<ExecutionCompleted>().Should().ContainSingle();
            second = model.RequestCount;
        }

        second.Should().Be(first);
        _ledger.Calls.Should().ContainSingle();
    }
}
