using Microsoft.Extensions.Logging;

namespace Orchestrator.Core.Replay;

/// <summary>The context handed to workflow code; every call goes through the executor.</summary>
internal sealed class DurableWorkflowContext(WorkflowExecutor executor, ILogger logger) : WorkflowContext
{
    private readonly ReplaySafeLogger _logger = new(logger, () => executor.IsReplaying);

    public override string InstanceId => executor.InstanceId;

    public override string Name => executor.Started?.Name ?? string.Empty;

    public override string? StartedBy => executor.Started?.StartedBy;

    public override string? Agent => executor.Started?.Agent;

    public override DateTime CurrentUtcDateTime => executor.CurrentUtcDateTime;

    public override bool IsReplaying => executor.IsReplaying;

    public override ILogger Logger => _logger;

    public override async Task<TResult> CallActivityAsync<TResult>(string name, object? input = null, RetryPolicy? retry = null)
    {
        var json = await executor.ScheduleActivity(name, OrchestratorJson.Serialize(input), retry);
        return OrchestratorJson.Deserialize<TResult>(json)!;
    }

    public override async Task<TResult> CallSubWorkflowAsync<TResult>(string name, object? input = null, SubWorkflowOptions? options = null)
    {
        var json = await executor.ScheduleSubWorkflow(name, OrchestratorJson.Serialize(input), options);
        return OrchestratorJson.Deserialize<TResult>(json)!;
    }

    public override Task CreateTimerAsync(DateTime fireAt, CancellationToken cancellationToken = default) =>
        executor.CreateTimer(fireAt, cancellationToken);

    public override async Task<T> WaitForExternalEventAsync<T>(string name, TimeSpan? timeout = null)
    {
        var buffered = executor.HasBuffered(name);
        var waiter = executor.WaitForEvent(name);
        if (timeout is null || waiter.IsCompleted)
        {
            if (!buffered)
            {
                executor.RecordWait(name, null, null);
            }

            return OrchestratorJson.Deserialize<T>(await waiter)!;
        }

        using var cancelTimer = new CancellationTokenSource();
        var deadline = CurrentUtcDateTime.Add(timeout.Value);
        var timer = executor.CreateTimer(deadline, cancelTimer.Token, out var timerId);
        executor.RecordWait(name, deadline, timerId);
        var winner = await Task.WhenAny(waiter, timer);
        if (winner == waiter)
        {
#pragma warning disable CA1849 // Cancelling must run its callbacks on the workflow thread, now.
            cancelTimer.Cancel();
#pragma warning restore CA1849
            return OrchestratorJson.Deserialize<T>(await waiter)!;
        }

        executor.CancelWait(name, waiter);
        throw new TimeoutException($"The event '{name}' did not arrive within {timeout.Value}.");
    }

    public override void SendEvent(string instanceId, string name, object? payload = null) =>
        executor.SendEvent(instanceId, name, OrchestratorJson.Serialize(payload));

    public override void ContinueAsNew(object? input) => executor.RequestContinueAsNew(input);

    public override Guid NewGuid() => executor.NewGuid();

    public override void RecordAudit(string action, string outcome, string? target = null, object? details = null) =>
        executor.RecordAudit(action, target, outcome, OrchestratorJson.Serialize(details));

    public override void SetCustomStatus(object? status) => executor.SetCustomStatus(status);

    public override bool IsPatched(string changeId) => executor.IsPatched(changeId);
}
