using Microsoft.Extensions.Logging;
using Orchestrator.Core.Client;
using Orchestrator.Core.History;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Replay;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>Processing one instance: load (replay) when needed, run a turn, commit it, then dispatch its work.</summary>
internal sealed partial class WorkflowEngine
{
    private async Task ProcessAsync(InstanceRuntime runtime)
    {
        while (true)
        {
            List<PendingEvent> batch;
            lock (runtime.Gate)
            {
                if (runtime.Mailbox.Count == 0 && !runtime.WakeRequested)
                {
                    runtime.Scheduled = false;
                    runtime.LastActiveTimestamp = Time.GetTimestamp();
                    if (!Options.InstanceCacheEnabled)
                    {
                        // Cache off: the next step of this instance replays from history.
                        runtime.Executor = null;
                    }

                    return;
                }

                batch = [.. runtime.Mailbox];
                runtime.Mailbox.Clear();
                runtime.WakeRequested = false;
                foreach (var e in batch)
                {
                    if (e.Event is TaskCompleted or TaskFailed && e.ExecutionId == runtime.ExecutionId)
                    {
                        runtime.InFlight.Remove(e.Event is TaskCompleted c ? c.TaskScheduledId : ((TaskFailed)e.Event).TaskScheduledId);
                    }
                }
            }

            try
            {
                try
                {
                    await StepAsync(runtime, batch);
                }
                catch (StepFailedException failed) when (!_stopping.IsCancellationRequested)
                {
                    // Running the step again would fail the same way: stop the instance, durably, with the cause.
                    LogStepFailedForGood(_logger, runtime.InstanceId, failed);
                    await FailInstanceAsync(runtime, batch, failed);
                }

                runtime.FailedSteps = 0;
            }
            catch (Exception ex) when (!_stopping.IsCancellationRequested)
            {
                // Nothing of this step was committed. Keep the in-memory results, reload from the store, try again later.
                var delay = RetryDelay(++runtime.FailedSteps);
                LogStepFailed(_logger, runtime.InstanceId, delay, ex);
                lock (runtime.Gate)
                {
                    runtime.Executor = null;
                    runtime.Mailbox.InsertRange(0, batch.Where(e => e.InboxId == 0));
                    runtime.WakeRequested = true;
                }

                try
                {
                    await Task.Delay(delay, Time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (Exception) when (_stopping.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Half a second after the first failure of a step, doubling up to half a minute while the store stays away.</summary>
    private static TimeSpan RetryDelay(int failures) =>
        TimeSpan.FromMilliseconds(Math.Min(30_000, 500 * Math.Pow(2, Math.Min(failures - 1, 6))));

    private async Task StepAsync(InstanceRuntime runtime, List<PendingEvent> batch)
    {
        var activated = false;
        if (runtime.Executor is null)
        {
            activated = true;
            if (!await ActivateAsync(runtime, batch))
            {
                return;
            }
        }

        var executor = runtime.Executor!;
        batch.RemoveAll(e => e.ExecutionId is not null && e.ExecutionId != runtime.ExecutionId);
        var rewind = batch.FirstOrDefault(e => e.Event is ExecutionRewound);
        if (rewind is not null && executor.Status == InstanceStatus.Failed)
        {
            batch.Remove(rewind);
            lock (runtime.Gate)
            {
                runtime.Mailbox.InsertRange(0, batch);
            }

            await RewindAsync(runtime, rewind);
            return;
        }

        if (executor.IsFinished && executor.CompletionRecorded)
        {
            await DropEventsOfFinishedAsync(runtime, executor, batch);
            return;
        }

        var now = Time.GetUtcNow().UtcDateTime;
        var statusBefore = executor.Status;
        var output = StepFailedException.Run("Running the workflow", () => executor.ExecuteTurn(now, [.. batch.Select(e => e.Event)]));
        if (output.Applied.Count == 0 && output.NewEvents.Count == 1 && executor.Status == statusBefore && !activated)
        {
            KeepDeferred(runtime, batch, output);
            return;
        }

        var commit = StepFailedException.Run("Recording the step", () => BuildCommit(runtime, executor, batch, output, now));
        if (executor.ContinueAsNew is { } request)
        {
            (executor, commit) = StepFailedException.Run("Continuing as new", () => StartNewGeneration(runtime, executor, request, commit, now));
        }

        if (commit.FinishedActivities.Count + commit.FiredTimers.Count + commit.ConsumedInbox.Count > 0)
        {
            Faults.Hit(FaultPoint.BeforeCompletionCommit);
        }

        await StepFailedException.StoreAsync("Storing the step", () => Journal.WriteAsync(commit));
        Faults.Hit(FaultPoint.AfterHistoryCommit);
        runtime.Executor = executor;
        KeepDeferred(runtime, batch, output);
        AfterCommit(runtime, executor, commit, activated, statusBefore);
    }

    private async Task<bool> ActivateAsync(InstanceRuntime runtime, List<PendingEvent> batch)
    {
        var started = batch.Select(e => e.Event).OfType<ExecutionStarted>().FirstOrDefault();
        if (started is not null && runtime.ExecutionId is null)
        {
            // A brand-new instance: nothing to replay, everything it has is in the batch.
            runtime.ExecutionId = started.ExecutionId;
            runtime.Executor = StepFailedException.Run("Creating the workflow", () => CreateExecutor(runtime.InstanceId, started.Name, started.Version));
            return true;
        }

        var snapshot = await StepFailedException.StoreAsync("Reading the stored history", () => Store.LoadInstanceAsync(runtime.InstanceId, _stopping.Token));
        if (snapshot is null)
        {
            MarkFinished(runtime);
            return false;
        }

        if (snapshot.Instance.Status.IsTerminal() && !snapshot.Inbox.Any(m => m.Event is ExecutionRewound))
        {
            // Late events for a finished instance (a timer after WhenAny, an event nobody waits for): drop them, no replay.
            await ConsumeInboxOfFinishedAsync(snapshot);
            MarkFinished(runtime);
            return false;
        }

        runtime.ExecutionId = snapshot.Instance.ExecutionId;
        var executor = StepFailedException.Run("Creating the workflow", () => CreateExecutor(runtime.InstanceId, snapshot.Instance.Name, snapshot.Instance.Version));
        if (snapshot.History.Count > 0)
        {
            Interlocked.Increment(ref _replays);
            StepFailedException.Run("Replaying the history", () => executor.Replay(snapshot.History));
        }

        runtime.Attempts.Clear();
        foreach (var a in snapshot.Activities)
        {
            runtime.Attempts[a.TaskId] = (a.Attempt, a.DueAt);
        }

        // The stored inbox is the truth for inbox messages: it has the ones not yet applied, in arrival order.
        batch.RemoveAll(e => e.InboxId != 0);
        batch.InsertRange(0, snapshot.Inbox.Select(m => new PendingEvent(m.Event, m.Id)));
        lock (runtime.Gate)
        {
            runtime.Deferred.RemoveAll(e => e.InboxId != 0);
            foreach (var m in snapshot.Inbox)
            {
                runtime.SeenInbox.Add(m.Id);
            }
        }

        runtime.Executor = executor;
        return true;
    }

    private WorkflowExecutor CreateExecutor(string instanceId, string workflowName, string? version)
    {
        var registration = Workflows.FindForInstance(workflowName, version);
        IWorkflowRunner runner = registration is null
            ? new MissingWorkflowRunner(workflowName, version, Workflows.List().Select(w => w.Name))
            : registration.CreateRunner(_services);
        return new WorkflowExecutor(instanceId, runner, _loggerFactory.CreateLogger("Orchestrator.Workflow." + workflowName), Limits);
    }

    private void KeepDeferred(InstanceRuntime runtime, List<PendingEvent> batch, TurnOutput output)
    {
        lock (runtime.Gate)
        {
            if (output.Deferred.Count > 0)
            {
                runtime.Deferred.AddRange(batch.Where(e => output.Deferred.Contains(e.Event)));
            }

            if (runtime.Executor?.Status != InstanceStatus.Suspended && runtime.Deferred.Count > 0)
            {
                runtime.Mailbox.AddRange(runtime.Deferred);
                runtime.Deferred.Clear();
            }
        }
    }

    private async Task ConsumeInboxOfFinishedAsync(InstanceSnapshot snapshot)
    {
        if (snapshot.Inbox.Count > 0)
        {
            await ConsumeInboxAsync(snapshot.Instance, [.. snapshot.Inbox.Select(m => m.Id)]);
        }
    }

    private Task ConsumeInboxAsync(InstanceRecord record, IReadOnlyList<long> inbox) =>
        Journal.WriteAsync(new InstanceCommit(record.InstanceId)
        {
            Update = new InstanceUpdate(record.Status, record.Output, record.Error, record.CustomStatus, record.UpdatedAt, record.ExecutionId, record.Input),
            ConsumedInbox = inbox,
        });

    private async Task DropEventsOfFinishedAsync(InstanceRuntime runtime, WorkflowExecutor executor, List<PendingEvent> batch)
    {
        var inbox = batch.Where(e => e.InboxId != 0).Select(e => e.InboxId).ToList();
        if (inbox.Count > 0 && await Store.GetInstanceAsync(runtime.InstanceId, _stopping.Token) is { } record)
        {
            await ConsumeInboxAsync(record, inbox);
        }

        if (executor.Status.IsTerminal())
        {
            MarkFinished(runtime);
        }
    }

    private sealed class MissingWorkflowRunner(string name, string? version, IEnumerable<string> known) : IWorkflowRunner
    {
        public Task<string?> RunAsync(WorkflowContext context, string? inputJson) =>
            throw new WorkflowNotFoundException(
                $"Workflow '{name}'{(version is null ? string.Empty : $" version {version}")} is not registered in this process. Registered workflows: {string.Join(", ", known)}. " +
                "Deploy the code that defines it, then restart the instance.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Step of instance {InstanceId} failed before commit; it will be reloaded and retried in {Delay}")]
    private static partial void LogStepFailed(ILogger logger, string instanceId, TimeSpan delay, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Step of instance {InstanceId} cannot be run; the instance is stopped as Failed")]
    private static partial void LogStepFailedForGood(ILogger logger, string instanceId, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} failed: {ErrorType}: {ErrorMessage}\n{StackTrace}")]
    private static partial void LogInstanceFailed(ILogger logger, string instanceId, string errorType, string errorMessage, string stackTrace);
}
