using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>Stopping an instance whose step cannot be run, so that it is Failed for good instead of retried forever.</summary>
internal sealed partial class WorkflowEngine
{
    /// <summary>The error type of an instance stopped because one of its steps cannot be run.</summary>
    internal const string StepFailedErrorType = "InstanceStepFailed";

    /// <summary>
    /// Commits the instance as Failed with the cause: the end of its history, no pending work, an empty inbox (nothing in
    /// it can run any more), the parent told. Nothing of the failed step itself is kept. A store failure here propagates,
    /// so the step is retried later like any step the store refused.
    /// </summary>
    private async Task FailInstanceAsync(InstanceRuntime runtime, List<PendingEvent> batch, StepFailedException cause)
    {
        var id = runtime.InstanceId;
        var record = await Store.GetInstanceAsync(id, _stopping.Token);
        if (record is null)
        {
            MarkFinished(runtime);
            return;
        }

        var now = Time.GetUtcNow().UtcDateTime;
        var failure = PayloadLimits.Bound(new FailureDetails(
            StepFailedErrorType,
            $"The engine stopped this instance because a step of it cannot be run: {cause.Message} " +
            "Running it again would fail the same way. Fix the cause (the workflow's code or registration, or its stored " +
            "history), deploy, and restart the instance.",
            null,
            cause.InnerException is null ? null : FailureDetails.FromException(cause.InnerException),
            IsNonRetriable: true));
        var started = runtime.Executor?.Started
            ?? batch.Select(e => e.Event).OfType<ExecutionStarted>().FirstOrDefault()
            ?? await ReadStartedAsync(id);
        var end = new ExecutionCompleted(-1, now, InstanceStatus.Failed, null, failure);
        var alreadyFinished = record.Status.IsTerminal();
        var commit = new InstanceCommit(id)
        {
            Update = alreadyFinished
                ? new InstanceUpdate(record.Status, record.Output, record.Status == InstanceStatus.Failed ? failure : record.Error, record.CustomStatus, now, record.ExecutionId, record.Input)
                : new InstanceUpdate(InstanceStatus.Failed, null, failure, record.CustomStatus, now, record.ExecutionId, record.Input),
            NewEvents = alreadyFinished ? [] : [end],
            ClearPendingWork = true,
            ClearInbox = true,
            Messages = !alreadyFinished && started?.Parent is { } parent
                ? [new OutgoingMessage(parent.InstanceId, new SubOrchestrationInstanceFailed(-1, now, parent.TaskScheduledId,
                    new FailureDetails("SubWorkflowFailed", $"Sub-workflow '{id}' failed: {failure.ErrorMessage}", null, failure)))]
                : [],
            Audit = alreadyFinished ? [] : [StepAudit.ForEnd(id, started?.Name ?? record.Name, started?.Agent, started?.StartedBy ?? record.StartedBy, end, now)],
        };

        await Journal.WriteAsync(commit);
        lock (runtime.Gate)
        {
            runtime.Mailbox.Clear();
            runtime.Deferred.Clear();
            runtime.WakeRequested = false;
        }

        MarkFinished(runtime);
        Activities?.Cancel(id);
        PublishChanges(commit);
    }

    /// <summary>The instance's start event from its stored history, when that can be read (it names the parent).</summary>
    private async Task<ExecutionStarted?> ReadStartedAsync(string instanceId)
    {
        try
        {
            return (await Store.GetHistoryAsync(instanceId, _stopping.Token)).OfType<ExecutionStarted>().FirstOrDefault();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The history is what could not be read; the instance fails without telling a parent it cannot name.
            return null;
        }
    }
}
