using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Internal;

/// <summary>
/// Runs committed activity calls on a fixed number of workers, retries them per their policy (the attempt count is
/// stored before each retry) and hands each final result back to its instance.
/// </summary>
internal sealed partial class ActivityDispatcher : IAsyncDisposable
{
    private readonly Channel<ActivityCall> _channel = Channel.CreateUnbounded<ActivityCall>();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly WorkflowRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly CommitPipeline _pipeline;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;
    private readonly Action<string, PendingEvent> _deliver;
    private readonly ILogger _logger;
    private readonly Task[] _workers;

    public ActivityDispatcher(
        WorkflowRegistry registry,
        IServiceProvider services,
        CommitPipeline pipeline,
        FaultInjector faults,
        TimeProvider time,
        int concurrency,
        Action<string, PendingEvent> deliver,
        ILogger logger)
    {
        _registry = registry;
        _services = services;
        _pipeline = pipeline;
        _faults = faults;
        _time = time;
        _deliver = deliver;
        _logger = logger;
        _workers = [.. Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(WorkAsync))];
    }

    public void Enqueue(ActivityCall call)
    {
        var wait = call.DueAt - _time.GetUtcNow().UtcDateTime;
        if (wait <= TimeSpan.Zero)
        {
            _channel.Writer.TryWrite(call);
            return;
        }

        _ = EnqueueLaterAsync(call, wait);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _shutdown.CancelAsync();
        await Task.WhenAll(_workers);
        _shutdown.Dispose();
    }

    private async Task EnqueueLaterAsync(ActivityCall call, TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, _time, _shutdown.Token);
            _channel.Writer.TryWrite(call);
        }
        catch (OperationCanceledException)
        {
            // Shutting down: the stored call runs again after the next start.
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var call in _channel.Reader.ReadAllAsync())
        {
            if (_shutdown.IsCancellationRequested)
            {
                return;
            }

            await RunAsync(call);
        }
    }

    private async Task RunAsync(ActivityCall call)
    {
        var outcome = await InvokeAsync(call);
        if (outcome is null)
        {
            return;
        }

        var (result, failure, usage, retryAfter) = outcome.Value;
        var now = _time.GetUtcNow().UtcDateTime;
        if (failure is not null && call.Retry.AllowsRetry(failure, call.Attempt))
        {
            var delay = call.Retry.DelayBefore(call.Attempt);
            var next = call with { Attempt = call.Attempt + 1, DueAt = now + (retryAfter > delay ? retryAfter : delay) };
            LogRetry(_logger, call.Name, call.InstanceId, call.Attempt, next.DueAt, failure.ErrorMessage);
            await _pipeline.WriteAsync(new ActivityAttemptWrite(call.InstanceId, call.TaskId, next.Attempt, next.DueAt, failure.ErrorMessage));
            Enqueue(next);
            return;
        }

        HistoryEvent done = failure is null
            ? new TaskCompleted(-1, now, call.TaskId, result, call.Attempt, usage)
            : new TaskFailed(-1, now, call.TaskId, failure, call.Attempt);
        _deliver(call.InstanceId, new PendingEvent(done, 0, call.ExecutionId));
    }

    /// <summary>Runs one attempt. Null means shutdown interrupted it: nothing is reported and it runs again after restart.</summary>
    private async Task<(string? Result, FailureDetails? Failure, UsageReport? Usage, TimeSpan RetryAfter)?> InvokeAsync(ActivityCall call)
    {
        var registration = _registry.FindActivity(call.Name);
        if (registration is null)
        {
            var known = string.Join(", ", _registry.ActivityNames);
            return (null, new FailureDetails(
                "ActivityNotFound",
                $"Activity '{call.Name}' is not registered in this process. Registered activities: {known}.",
                IsNonRetriable: true), null, TimeSpan.Zero);
        }

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token);
        if (call.Retry.AttemptTimeout is { } limit)
        {
            attempt.CancelAfter(limit);
        }

        var context = new ActivityContext(call.InstanceId, call.TaskId, call.Name, call.Attempt, call.StartedBy, attempt.Token)
        {
            Agent = call.Agent,
            Workflow = call.Workflow,
        };
        try
        {
            var result = await registration.Invoke(_services, context, call.Input);
            _faults.Hit(FaultPoint.InsideActivity);
            return (result, null, context.Usage, TimeSpan.Zero);
        }
        catch (OperationCanceledException) when (_shutdown.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException ex) when (attempt.IsCancellationRequested)
        {
            var timeout = new TimeoutException(
                $"Attempt {call.Attempt} of activity '{call.Name}' exceeded its timeout of {call.Retry.AttemptTimeout}.", ex);
            return (null, FailureDetails.FromException(timeout), context.Usage, TimeSpan.Zero);
        }
        catch (Exception ex)
        {
            return (null, FailureDetails.FromException(ex), context.Usage, (ex as RetryAfterException)?.RetryAfter ?? TimeSpan.Zero);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {Activity} of {InstanceId} failed on attempt {Attempt}; retrying at {DueAt:O}: {Error}")]
    private static partial void LogRetry(ILogger logger, string activity, string instanceId, int attempt, DateTime dueAt, string error);
}
