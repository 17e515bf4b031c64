using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orchestrator.Agents;
using Orchestrator.Agents.Models;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Replay;
using Orchestrator.Core.Runtime;
using Orchestrator.Storage.Sqlite;
using Orchestrator.Testing;

namespace Orchestrator.Bench;

/// <summary>
/// Engine overhead of agent turns: the scripted model answers at once and the tool returns at once, so what remains
/// of the wall time, once the model calls' own latency is subtracted, is checkpointing, dispatch and replay-free
/// continuation.
/// </summary>
internal static class AgentWorkload
{
    public static async Task<BenchResult> RunAsync()
    {
        const int turns = 200;
        await using var model = await ScriptedModelServer.StartAsync();
        var dataDir = Path.Combine(Path.GetTempPath(), "orch-bench-agent-" + Guid.NewGuid().ToString("N"));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Orchestrator:Models:default:Endpoint"] = model.BaseUrl,
            ["Orchestrator:Models:default:ApiKey"] = "bench",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddOrchestrator(o =>
        {
            o.UseSqlite(s => s.DataDir = dataDir);
            o.AddAgents(configuration).AddTools<BenchTools>();
            o.AddWorkflow<int, AgentRunResult>("bench.agent", (ctx, n) => ctx.RunAgentAsync(
                new AgentDefinition { Name = "bench", Instructions = "Echo.", Tools = ["bench.echo"], Limits = new AgentLimits { MaxTurns = n + 1 } },
                "go"));
        });
        await using var provider = services.BuildServiceProvider();
        var engine = provider.GetRequiredService<WorkflowEngine>();
        await engine.StartAsync(CancellationToken.None);
        try
        {
            await RunOnceAsync(engine.Client, model, 5); // warm-up
            var watch = Stopwatch.StartNew();
            var child = await RunOnceAsync(engine.Client, model, turns);
            watch.Stop();

            var history = await engine.Client.GetHistoryAsync(child);
            var scheduled = history.OfType<TaskScheduled>().Where(t => t.Name == "orchestrator.model-call").ToList();
            var latencies = history.OfType<TaskCompleted>()
                .Where(c => scheduled.Any(s => s.EventId == c.TaskScheduledId))
                .Select(c => OrchestratorJson.Deserialize<ModelResponse>(c.Result)!.LatencyMs).ToList();
            var steps = history.OfType<TaskCompleted>().Count();
            var overheadPerStep = (watch.Elapsed.TotalMilliseconds - latencies.Sum()) / steps;

            // Per turn: from one model call being scheduled to the next, minus that call's own latency; a turn is two steps.
            var perTurn = scheduled.Zip(scheduled.Skip(1), (a, b) => (b.Timestamp - a.Timestamp).TotalMilliseconds)
                .Zip(latencies, (span, latency) => Math.Max(0, span - latency) / 2).Order().ToArray();
            var p50 = perTurn[perTurn.Length / 2];
            var p99 = perTurn[(int)(perTurn.Length * 0.99)];
            return new BenchResult("AGENT", $"agent run of {turns} turns (model + tool per turn), instant model and tool",
                overheadPerStep, "ms engine overhead per step", "≤ 2 ms per checkpointed step", overheadPerStep <= 2,
                $"{steps} steps in {watch.Elapsed.TotalMilliseconds:F0} ms ({steps / watch.Elapsed.TotalSeconds:F0} steps/s incl. model HTTP), " +
                $"model latency {latencies.Average():F2} ms avg; per-step overhead by turn p50 {p50:F2} ms, p99 {p99:F2} ms");
        }
        finally
        {
            await engine.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<string> RunOnceAsync(IWorkflowClient client, ScriptedModelServer model, int turns)
    {
        for (var i = 0; i < turns; i++)
        {
            model.Enqueue(ScriptedReply.ToolCall("bench_echo", new { text = $"t{i}" }).WithUsage(100, 10));
        }

        model.Enqueue(ScriptedReply.Reply("done").WithUsage(100, 2));
        var id = (await client.StartAsync(new StartWorkflowRequest("bench.agent") { InputJson = turns.ToString(System.Globalization.CultureInfo.InvariantCulture) })).InstanceId;
        var done = await client.WaitForCompletionAsync(id);
        if (done.Status != InstanceStatus.Completed)
        {
            throw new InvalidOperationException($"The agent run ended {done.Status}: {done.Error?.ErrorMessage}");
        }

        return id + ":0000";
    }
}
