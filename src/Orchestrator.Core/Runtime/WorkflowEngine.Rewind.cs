using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>Restarting a Failed instance from its failed step, keeping every completed step.</summary>
internal sealed partial class WorkflowEngine
{
    private async Task RewindAsync(InstanceRuntime runtime, PendingEvent request)
    {
        var now = Time.GetUtcNow().UtcDateTime;
        var history = await StepFailedException.StoreAsync("Reading the stored history", () => Store.GetHistoryAsync(runtime.InstanceId, _stopping.Token));
        var kept = RemoveFailure(history);

        var started = runtime.Executor!.Started;
        var executor = StepFailedException.Run("Creating the workflow", () => CreateExecutor(runtime.InstanceId, started?.Name ?? string.Empty, started?.Version));
        StepFailedException.Run("Replaying the history", () => executor.Replay(kept));

        // Children that failed are restarted too; children that finished meanwhile report their result now.
        var inbound = new List<HistoryEvent> { request.Event };
        var childRestarts = new List<string>();
        foreach (var child in executor.OpenTasks.Select(o => o.Action).OfType<SubOrchestrationInstanceCreated>().ToList())
        {
            var record = await Store.GetInstanceAsync(child.InstanceId, _stopping.Token);
            switch (record?.Status)
            {
                case InstanceStatus.Completed:
                    inbound.Add(new SubOrchestrationInstanceCompleted(-1, now, child.EventId, record.Output));
                    break;
                case InstanceStatus.Failed:
                    childRestarts.Add(child.InstanceId);
                    break;
                case InstanceStatus.Terminated:
                    inbound.Add(new SubOrchestrationInstanceFailed(-1, now, child.EventId,
                        new FailureDetails("SubWorkflowTerminated", $"Sub-workflow '{child.InstanceId}' was terminated.", IsNonRetriable: true)));
                    break;
            }
        }

        var output = StepFailedException.Run("Running the workflow", () => executor.ExecuteTurn(now, inbound));
        var commit = StepFailedException.Run("Recording the step", () => BuildCommit(runtime, executor, [], output, now)) with
        {
            NewEvents = [.. kept, .. output.NewEvents],
            ReplaceHistory = true,
            ClearPendingWork = true,
            ConsumedInbox = request.InboxId != 0 ? [request.InboxId] : [],
            NewActivities = [.. executor.OpenTasks.Select(o => o.Action).OfType<TaskScheduled>()
                .Select(t => new ActivityWorkItem(runtime.InstanceId, runtime.ExecutionId!, t.EventId, t.Name, t.Input, 1, now))],
            NewTimers = [.. executor.OpenTasks.Select(o => o.Action).OfType<TimerCreated>()
                .Select(t => new TimerWorkItem(runtime.InstanceId, runtime.ExecutionId!, t.EventId, t.FireAt))],
        };

        await StepFailedException.StoreAsync("Storing the step", () => Journal.WriteAsync(commit));
        runtime.Executor = executor;
        runtime.Attempts.Clear();
        AfterCommit(runtime, executor, commit, activated: true, InstanceStatus.Failed);
        foreach (var childId in childRestarts)
        {
            await Client.RestartAsync(childId, "parent restarted", (request.Event as ExecutionRewound)?.By, _stopping.Token);
        }
    }

    /// <summary>The history without the failure: the final ExecutionCompleted and the task failures of its turn.</summary>
    internal static List<HistoryEvent> RemoveFailure(IReadOnlyList<HistoryEvent> history)
    {
        var end = history.Count;
        for (var i = history.Count - 1; i >= 0; i--)
        {
            if (history[i] is ExecutionCompleted)
            {
                end = i;
                break;
            }
        }

        var turnStart = 0;
        for (var i = end - 1; i >= 0; i--)
        {
            if (history[i] is OrchestratorStarted)
            {
                turnStart = i;
                break;
            }
        }

        var kept = new List<HistoryEvent>(end);
        for (var i = 0; i < end; i++)
        {
            if (i > turnStart && history[i] is TaskFailed or SubOrchestrationInstanceFailed)
            {
                continue;
            }

            kept.Add(history[i]);
        }

        return kept;
    }
}
