using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Replay;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>Turning a turn into one atomic commit, and what follows once it is durable.</summary>
internal sealed partial class WorkflowEngine
{
    /// <summary>The error type of a sub-workflow step whose instance id belongs to another instance.</summary>
    internal const string SubWorkflowIdTakenErrorType = "SubWorkflowInstanceIdTaken";

    private InstanceCommit BuildCommit(InstanceRuntime runtime, WorkflowExecutor executor, List<PendingEvent> batch, TurnOutput output, DateTime now)
    {
        var applied = new HashSet<HistoryEvent>(output.Applied, ReferenceEqualityComparer.Instance);
        var consumed = batch.Where(e => applied.Contains(e.Event));
        var started = executor.Started;
        var activities = new List<ActivityWorkItem>();
        var timers = new List<TimerWorkItem>();
        var children = new List<NewInstance>();
        var messages = new List<OutgoingMessage>();
        foreach (var e in output.NewEvents)
        {
            switch (e)
            {
                case TaskScheduled t:
                    activities.Add(new ActivityWorkItem(runtime.InstanceId, runtime.ExecutionId!, t.EventId, t.Name, t.Input, 1, now));
                    break;
                case TimerCreated t:
                    timers.Add(new TimerWorkItem(runtime.InstanceId, runtime.ExecutionId!, t.EventId, t.FireAt));
                    break;
                case SubOrchestrationInstanceCreated s:
                    children.Add(new NewInstance(
                        s.InstanceId, s.Name, s.Version, s.Input, started?.StartedBy, s.Tags,
                        new ParentInstanceInfo(runtime.InstanceId, s.EventId, started?.Name ?? string.Empty),
                        now, Guid.NewGuid().ToString("N"), s.Agent)
                    {
                        IfIdTaken = new SubOrchestrationInstanceFailed(-1, now, s.EventId, new FailureDetails(
                            SubWorkflowIdTakenErrorType,
                            $"The sub-workflow '{s.Name}' cannot start as instance '{s.InstanceId}': an instance with that id already exists. " +
                            "Give the sub-workflow an id of its own (SubWorkflowOptions.InstanceId), or leave it out for one derived from this instance.",
                            IsNonRetriable: true)),
                    });
                    break;
                case EventSent s:
                    messages.Add(new OutgoingMessage(s.InstanceId, new EventRaised(-1, now, s.Name, s.Input)));
                    break;
                case ExecutionTerminated t:
                    messages.AddRange(executor.OpenTasks
                        .Select(o => o.Action).OfType<SubOrchestrationInstanceCreated>()
                        .Select(child => new OutgoingMessage(child.InstanceId, new ExecutionTerminated(-1, now, t.Reason, true, t.By))));
                    break;
            }
        }

        var finished = executor.Status.IsTerminal() && executor.ContinueAsNew is null;
        if (finished && started?.Parent is { } parent)
        {
            messages.Add(new OutgoingMessage(parent.InstanceId, executor.Status == InstanceStatus.Completed
                ? new SubOrchestrationInstanceCompleted(-1, now, parent.TaskScheduledId, executor.Output)
                : new SubOrchestrationInstanceFailed(-1, now, parent.TaskScheduledId, ChildFailure(runtime.InstanceId, executor))));
        }

        return new InstanceCommit(runtime.InstanceId)
        {
            Update = new InstanceUpdate(executor.Status, executor.Output, executor.Failure, executor.CustomStatus, now, runtime.ExecutionId!, started?.Input),
            NewEvents = output.NewEvents,
            ConsumedInbox = [.. consumed.Where(e => e.InboxId != 0).Select(e => e.InboxId)],
            FinishedActivities = [.. output.Applied.Select(e => e switch { TaskCompleted c => c.TaskScheduledId, TaskFailed f => f.TaskScheduledId, _ => -1 }).Where(id => id >= 0)],
            // A timer the workflow stopped waiting for is dropped with the step that gave it up.
            FiredTimers = [.. output.Applied.OfType<TimerFired>().Select(t => t.TimerId), .. output.NewEvents.OfType<TimerCancelled>().Select(t => t.TimerId)],
            NewActivities = activities,
            NewTimers = timers,
            NewInstances = children,
            Messages = messages,
            ClearPendingWork = finished,
            Usage = [.. output.Applied.OfType<TaskCompleted>().Where(c => c.Usage is not null).Select(c =>
                new UsageRecord(runtime.InstanceId, c.TaskScheduledId, started?.Name ?? string.Empty, started?.Agent, started?.StartedBy, c.Usage!, now))],
            Audit = StepAudit.ForTurn(runtime.InstanceId, executor, output, Registry, now),
        };
    }

    private static FailureDetails ChildFailure(string instanceId, WorkflowExecutor executor) =>
        executor.Failure is { } failure
            ? PayloadLimits.Bound(new FailureDetails("SubWorkflowFailed", $"Sub-workflow '{instanceId}' failed: {failure.ErrorMessage}", null, failure))
            : new FailureDetails("SubWorkflowTerminated", $"Sub-workflow '{instanceId}' was {executor.Status.ToString().ToLowerInvariant()}.", IsNonRetriable: true);

    /// <summary>Continue-as-new: the next generation's first turn replaces the history in the same commit.</summary>
    private (WorkflowExecutor Executor, InstanceCommit Commit) StartNewGeneration(
        InstanceRuntime runtime, WorkflowExecutor previous, ContinueAsNewRequest request, InstanceCommit commit, DateTime now)
    {
        var started = previous.Started!;
        var messages = new List<OutgoingMessage>(commit.Messages);
        var audit = new List<AuditEntry>(commit.Audit);
        for (var generation = 0; generation < 100; generation++)
        {
            var executionId = Guid.NewGuid().ToString("N");
            runtime.ExecutionId = executionId;
            var next = CreateExecutor(runtime.InstanceId, started.Name, started.Version);
            var begin = started with { Timestamp = now, Input = request.Input, ExecutionId = executionId, Generation = started.Generation + generation + 1 };
            var output = next.ExecuteTurn(now, [begin, .. request.CarryOver]);
            var nextCommit = BuildCommit(runtime, next, [], output, now);
            messages.AddRange(nextCommit.Messages);
            audit.AddRange(nextCommit.Audit);
            if (next.ContinueAsNew is null)
            {
                return (next, nextCommit with
                {
                    ReplaceHistory = true,
                    ClearPendingWork = true,
                    ConsumedInbox = commit.ConsumedInbox,
                    FinishedActivities = commit.FinishedActivities,
                    FiredTimers = commit.FiredTimers,
                    Messages = messages,
                    Audit = audit,
                });
            }

            request = next.ContinueAsNew;
        }

        throw new InvalidOperationException(
            $"Instance '{runtime.InstanceId}' continued as new 100 times in one step without waiting for anything; stopping a tight loop.");
    }

    private void AfterCommit(
        InstanceRuntime runtime, WorkflowExecutor executor, InstanceCommit commit, bool activated, InstanceStatus statusBefore)
    {
        if (statusBefore != executor.Status && executor is { Status: InstanceStatus.Failed, Failure: { } failure })
        {
            // Answers show a failure's type and message only; its stack trace is for operators, here (before anyone
            // watching the instance hears that it failed).
            LogInstanceFailed(_logger, runtime.InstanceId, failure.ErrorType, failure.ErrorMessage, failure.StackTrace ?? "(no stack trace)");
        }

        PublishChanges(commit);
        foreach (var timer in commit.NewTimers)
        {
            Timers.Add(timer);
        }

        foreach (var cancelled in commit.NewEvents.OfType<TimerCancelled>())
        {
            Timers.Remove(runtime.InstanceId, commit.Update.ExecutionId, cancelled.TimerId);
        }

        if (executor.Status.IsTerminal() || executor.Status == InstanceStatus.Suspended)
        {
            // Terminated, finished or suspended: its activity calls stop now, running attempts included. A resume
            // dispatches the open ones again, at the attempt they had reached.
            if (executor.Status.IsTerminal())
            {
                MarkFinished(runtime);
            }

            if (statusBefore != executor.Status)
            {
                Activities?.Cancel(runtime.InstanceId);
                lock (runtime.Gate)
                {
                    runtime.InFlight.Clear();
                }
            }

            return;
        }

        if (commit.ReplaceHistory)
        {
            // A new generation (or a restart) starts from its own task ids: calls of the old history stop, and their
            // ids must not keep the new calls of the same ids from running.
            Activities?.Cancel(runtime.InstanceId);
            lock (runtime.Gate)
            {
                runtime.InFlight.Clear();
            }
        }

        DispatchOpenActivities(runtime, executor, commit, activated || commit.ReplaceHistory || statusBefore == InstanceStatus.Suspended);
    }

    /// <summary>A retry was stored: the next dispatch of that call (after a resume) starts at that attempt, and watchers see why.</summary>
    private void OnAttemptFailed(string instanceId, TaskAttemptFailed failed)
    {
        if (_cache.TryGetValue(instanceId, out var runtime))
        {
            lock (runtime.Gate)
            {
                runtime.Attempts[failed.TaskScheduledId] = (failed.Attempt + 1, failed.NextAttemptAt);
            }
        }

        if (Changes.HasWatchers(instanceId))
        {
            Changes.Publish(new InstanceHistoryAppended(instanceId, [failed], false));
        }
    }

    private void DispatchOpenActivities(InstanceRuntime runtime, WorkflowExecutor executor, InstanceCommit commit, bool includeRecovered)
    {
        var started = executor.Started;
        var calls = new List<ActivityCall>();
        lock (runtime.Gate)
        {
            foreach (var item in commit.NewActivities)
            {
                if (runtime.InFlight.Add(item.TaskId))
                {
                    calls.Add(ToCall(item.TaskId, item.Name, item.Input, item.Attempt, item.DueAt));
                }
            }

            if (includeRecovered)
            {
                // A result already waiting in the mailbox (it came while the instance was suspended) needs no new run.
                var answered = runtime.Mailbox
                    .Where(e => e.ExecutionId is null || e.ExecutionId == runtime.ExecutionId)
                    .Select(e => e.Event switch { TaskCompleted c => c.TaskScheduledId, TaskFailed f => f.TaskScheduledId, _ => -1 })
                    .ToHashSet();
                foreach (var open in executor.OpenTasks)
                {
                    if (open.Action is TaskScheduled t && !answered.Contains(t.EventId) && runtime.InFlight.Add(t.EventId))
                    {
                        var (attempt, due) = runtime.Attempts.GetValueOrDefault(t.EventId, (1, DateTime.MinValue));
                        calls.Add(ToCall(t.EventId, t.Name, t.Input, attempt, due));
                    }
                }
            }
        }

        foreach (var call in calls)
        {
            Faults.Hit(FaultPoint.BeforeDispatch);
            Activities!.Enqueue(call);
        }

        ActivityCall ToCall(int taskId, string name, string? input, int attempt, DateTime due) =>
            new(runtime.InstanceId, runtime.ExecutionId!, taskId, name, input, attempt, due,
                executor.FindOpenTask(taskId)?.Retry ?? RetryPolicy.None, started?.StartedBy)
            {
                Agent = started?.Agent,
                Workflow = started?.Name,
            };
    }

    /// <summary>A finished instance keeps no executor; it leaves the cache at the next sweep (not now: its loop may still run).</summary>
    private static void MarkFinished(InstanceRuntime runtime)
    {
        lock (runtime.Gate)
        {
            runtime.Executor = null;
            runtime.Finished = true;
        }
    }

    private void PublishChanges(InstanceCommit commit)
    {
        if (!Changes.HasWatchers(commit.InstanceId))
        {
            return;
        }

        Changes.Publish(new InstanceHistoryAppended(commit.InstanceId, commit.NewEvents, commit.ReplaceHistory));
        Changes.Publish(new InstanceStatusChanged(commit.InstanceId, commit.Update.Status, commit.Update.CustomStatus));
    }
}
