using System.Text.Json;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Replay;
using Orchestrator.Core.Runtime;

namespace Orchestrator.Core.Tests.Replay;

/// <summary>
/// Recorded histories that must replay forever. A change to a golden workflow that breaks one of them is a change that
/// would break running instances: guard it with ctx.IsPatched instead. Set ORCH_UPDATE_GOLDEN=1 to re-record
/// (only for a new golden workflow).
/// </summary>
public class GoldenHistoryTests
{
    public static TheoryData<string> Files() => [.. GoldenWorkflows.All.Keys];

    [Theory]
    [MemberData(nameof(Files))]
    public void Replay_GoldenHistory_ReplaysToRecordedOutcome(string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("ORCH_UPDATE_GOLDEN") == "1")
        {
            Record(name, Path.Combine(SourceDirectory(), "Golden", name + ".json"));
            return;
        }

        File.Exists(path).Should().BeTrue($"the golden history {name}.json must exist (record it with ORCH_UPDATE_GOLDEN=1)");
        var golden = JsonSerializer.Deserialize<GoldenFile>(File.ReadAllText(path), OrchestratorJson.Options)!;
        var recorded = golden.History.OfType<ExecutionCompleted>().Single();

        var executor = ReplayHarness.ForRunner(() => new DelegateWorkflowRunner<string, string>(name, GoldenWorkflows.All[name])).ReplayInto(golden.History);

        executor.Failure.Should().BeNull($"golden history '{name}' must keep replaying; a failure here means the workflow code changed incompatibly");
        executor.Status.Should().Be(recorded.Status);
        executor.Output.Should().Be(recorded.Result);
        executor.HasUnrecordedActions.Should().BeFalse();
    }

    private static void Record(string name, string path)
    {
        var h = ReplayHarness.ForRunner(() => new DelegateWorkflowRunner<string, string>(name, GoldenWorkflows.All[name]));
        h.Start("\"order-7\"");
        for (var guard = 0; guard < 20 && !h.Executor.Status.IsTerminal(); guard++)
        {
            var open = h.Executor.OpenTasks.ToList();
            if (open.Count == 0)
            {
                h.Turn(h.Raised("decision", "approved"));
                continue;
            }

            h.Turn([.. open.Select<OpenTask, HistoryEvent>(o => o.Action switch
            {
                TimerCreated t => h.Fired(t.EventId),
                SubOrchestrationInstanceCreated s => new SubOrchestrationInstanceCompleted(-1, ReplayHarness.T0, s.EventId, "\"shipped\""),
                TaskScheduled t => h.Completed(t.EventId, $"{t.Name}-done"),
                _ => throw new InvalidOperationException(),
            })]);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new GoldenFile(name, [.. h.History]), new JsonSerializerOptions(OrchestratorJson.Options) { WriteIndented = true }));
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string file = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(file)!)!;

    private sealed record GoldenFile(string Workflow, List<HistoryEvent> History);
}
