using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Loop;

/// <summary>Tools are named as registered in every record; only the model sees the names its API accepts.</summary>
public sealed class ToolNamingTests : IDisposable
{
    private readonly TestDataFolder _folder = new();
    private readonly ToolLedger _ledger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAgent_ToolsThatDifferOnlyByADot_EachCallReachesItsToolAndHistoryKeepsTheRegisteredNames()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            ScriptedReply.ToolCalls(("orders_find_2", new { id = "A-1" }), ("orders_find", new { id = "B-2" })),
            ScriptedReply.Reply("Both found."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, register: (o, a) =>
        {
            o.Services.AddSingleton(_ledger);
            a.AddTools<LookalikeTools>();
            o.AddWorkflow<string, AgentRunResult>("test.lookalikes", (ctx, message) => ctx.RunAgentAsync(
                new AgentDefinition { Name = "finder", Instructions = "Find orders.", Tools = ["orders.find", "orders_find"] }, message));
        });

        var done = await host.RunAsync("test.lookalikes", "Find A-1 and B-2.", id: "lookalikes");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        OrchestratorJson.Deserialize<AgentRunResult>(done.Output)!.Status.Should().Be(AgentRunStatus.Completed);
        _ledger.Calls.Select(c => (c.Tool, c.Detail)).Should().BeEquivalentTo([("orders.find", "A-1"), ("orders_find", "B-2")]);
        model.Requests[0].Tools.Should().Equal("orders_find_2", "orders_find");
        var echoed = model.Requests[1].Body.GetProperty("messages").EnumerateArray()
            .Where(m => m.TryGetProperty("tool_calls", out _))
            .SelectMany(m => m.GetProperty("tool_calls").EnumerateArray().Select(c => c.GetProperty("function").GetProperty("name").GetString()));
        echoed.Should().Equal(["orders_find_2", "orders_find"], "the model sees its earlier calls under the names it was offered");

        var child = (await host.Client.ListInstancesAsync(new InstanceQuery { ParentInstanceId = "lookalikes" })).Items.Single();
        var history = await host.Client.GetHistoryAsync(child.InstanceId);
        var recorded = string.Join('\n', history.Select(e => e switch
        {
            TaskScheduled s => s.Input,
            TaskCompleted c => c.Result,
            _ => null,
        }).OfType<string>());
        recorded.Should().NotContain("orders_find_2", "the provider's spelling stays on the wire");
        var modelTurn = history.OfType<TaskCompleted>().Select(c => c.Result).OfType<string>()
            .Select(r => JsonDocument.Parse(r).RootElement)
            .First(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("message", out _));
        modelTurn.GetProperty("message").GetProperty("toolCalls").EnumerateArray().Select(c => c.GetProperty("name").GetString())
            .Should().Equal("orders.find", "orders_find");
    }
}
