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

    [Fact]
    public async Task RunAgent_HistoryRecordedWithTheProvidersSpelling_ReplaysAndCallsTheRegisteredTool()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("billing_refund", new { orderId = "A-2", amount = 900 }), ScriptedReply.Reply("Refunded."));
        string id;
        HumanTaskRef task;
        await using (var before = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger)))
        {
            id = (await before.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.support") { InputJson = "\"Refund A-2\"", StartedBy = "alice" })).InstanceId;
            var pending = await before.WaitForPendingTaskAsync();
            task = new HumanTaskRef(pending.TaskId, pending.InstanceId);
        }

        // Earlier builds recorded the tool list and the model's calls with the provider's spelling.
        RespellRecordedTools(task.InstanceId).Should().BePositive("the history names the agent's tools in its model steps");

        await using var after = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, cache: false,
            register: (o, a) => TestAgents.Register(o, a, _ledger));
        (await after.Tasks.DecideAsync(task.TaskId, true, "bob", ["approver"], null, null)).Outcome.Should().Be(Core.Governance.HumanTaskDecisionOutcome.Decided);
        var done = await after.WaitAsync(id);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        (await after.WaitAsync(task.InstanceId)).Status.Should().Be(InstanceStatus.Completed, "the agent replays its recorded calls without a non-determinism error");
        _ledger.Calls.Select(c => (c.Tool, c.Detail)).Should().Equal(("billing.refund", "A-2:900"));
    }

    /// <summary>Rewrites the stored history of <paramref name="instanceId"/> as an earlier build wrote it; returns the names changed.</summary>
    private int RespellRecordedTools(string instanceId)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder.Path, "orchestrator.db")};Pooling=False");
        connection.Open();
        var rows = new List<(long Seq, string Events)>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT seq, events FROM history WHERE instance_id = $id";
            read.Parameters.AddWithValue("$id", instanceId);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1)));
            }
        }

        var changed = 0;
        foreach (var (seq, events) in rows)
        {
            var respelled = events;
            foreach (var (registered, spelled) in new[] { ("crm.lookup", "crm_lookup"), ("billing.refund", "billing_refund") })
            {
                var from = $"\\\"name\\\":\\\"{registered}\\\"";
                changed += (respelled.Length - respelled.Replace(from, string.Empty, StringComparison.Ordinal).Length) / from.Length;
                respelled = respelled.Replace(from, $"\\\"name\\\":\\\"{spelled}\\\"", StringComparison.Ordinal);
            }

            using var write = connection.CreateCommand();
            write.CommandText = "UPDATE history SET events = $events WHERE instance_id = $id AND seq = $seq";
            write.Parameters.AddWithValue("$events", respelled);
            write.Parameters.AddWithValue("$id", instanceId);
            write.Parameters.AddWithValue("$seq", seq);
            write.ExecuteNonQuery();
        }

        return changed;
    }

    private sealed record HumanTaskRef(string TaskId, string InstanceId);
}
