using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Orchestrator.Core.History;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>
/// Runs committed activity calls on a fixed number of workers, retries them per their policy (the attempt and why the
/// previous one failed are stored before each retry) and hands each final result back to its instance. The calls of
/// an instance can be cancelled together (<see cref="Cancel"/>): running attempts see their token fire, waiting
/// retries and queued calls are dropped, and nothing of them is reported.
/// </summary>
internal sealed partial class ActivityDispatcher : IAsyncDisposable
{
    private readonly Channel<Queued> _channel = Channel.CreateUnbounded<Queued>();
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, InstanceCalls> _instances = new(StringComparer.Ordinal);
    private readonly WorkflowRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly InstanceJournal _journal;
    private readonly FaultInjector _faults;
    private readonly TimeProvider _time;
    private readonly PayloadLimits _limits;
    private readonly Action<string, PendingEvent> _deliver;
    private readonly Action<string, TaskAttemptFailed> _recorded;
    private readonly ILogger _logger;
    private readonly Task[] _workers;

    public ActivityDispatcher(
        WorkflowRegistry registry,
        IServiceProvider services,
        InstanceJournal journal,
        FaultInjector faults,
        TimeProvider time,
        int concurrency,
        PayloadLimits limits,
        Action<string, PendingEvent> deliver,
        Action<string, TaskAttemptFailed> recorded,
        ILogger logger)
    {
        _registry = registry;
        _services = services;
        _journal = journal;
        _faults = faults;
        _time = time;
        _limits = limits;
        _deliver = deliver;
        _recorded = recorded;
        _logger = logger;
        _workers = [.. Enumerable.Range(0, Math.Max(1, concurrency)).Select(_ => Task.Run(WorkAsync))];
    }

    public void Enqueue(ActivityCall call)
    {
        var queued = new Queued(call, Register(call.InstanceId));
        var wait = call.DueAt - _time.GetUtcNow().UtcDateTime;
        if (wait <= TimeSpan.Zero)
        {
            _channel.Writer.TryWrite(queued);
            return;
        }

        _ = EnqueueLaterAsync(queued, wait);
    }

    /// <summary>
    /// Stops every call of the instance (it was terminated, suspended or finished): running attempts are cancelled,
    /// retries waiting for their time and calls waiting for a worker are dropped. None of them reports anything; what is
    /// stored about them (attempt, due time) stays, for a resume.
    /// </summary>
    public void Cancel(string instanceId)
    {
        InstanceCalls? calls;
        lock (_gate)
        {
            _instances.Remove(instanceId, out calls);
        }

        // Disposed by the last of its calls to finish (see Release), which may still hold its token.
        calls?.Cancellation.Cancel();
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _shutdown.CancelAsync();
        await Task.WhenAll(_workers);
        lock (_gate)
        {
            foreach (var calls in _instances.Values)
            {
                calls.Cancellation.Dispose();
            }

            _instances.Clear();
        }

        _shutdown.Dispose();
    }

    /// <summary>Counts a call of the instance in the instance's current set of calls (a new set after a cancel).</summary>
    private InstanceCalls Register(string instanceId)
    {
        lock (_gate)
        {
            if (!_instances.TryGetValue(instanceId, out var calls))
            {
                _instances[instanceId] = calls = new InstanceCalls(CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token));
            }

            calls.Count++;
            return calls;
        }
    }

    /// <summary>One call is over (reported, retried as a new call, or dropped); the last one of a set disposes it.</summary>
    private void Release(Queued queued)
    {
        var calls = queued.Calls;
        lock (_gate)
        {
            if (--calls.Count > 0)
            {
                return;
            }

            if (_instances.TryGetValue(queued.Call.InstanceId, out var current) && current == calls)
            {
                _instances.Remove(queued.Call.InstanceId);
            }
        }

        calls.Cancellation.Dispose();
    }

    private async Task EnqueueLaterAsync(Queued queued, TimeSpan wait)
    {
        try
        {
            await Task.Delay(wait, _time, queued.Calls.Cancellation.Token);
            _channel.Writer.TryWrite(queued);
        }
        catch (OperationCanceledException)
        {
            // Shut down, or the instance stopped: the stored call runs again after a restart or a resume, if at all.
            Release(queued);
        }
    }

    private async Task WorkAsync()
    {
        await foreach (var queued in _channel.Reader.ReadAllAsync())
        {
            if (_shutdown.IsCancellationRequested)
            {
                return;
            }

            try
            {
                var token = queued.Calls.Cancellation.Token;
                if (!token.IsCancellationRequested)
                {
                    await RunAsync(queued.Call, token);
                }
            }
            catch (Exception ex)
            {
                // A worker must outlive any one call; the stored call is run again after a restart.
                LogCallFailed(_logger, queued.Call.Name, queued.Call.InstanceId, ex);
            }
            finally
            {
                Release(queued);
            }
        }
    }

    private async Task RunAsync(ActivityCall call, CancellationToken instance)
    {
        var outcome = await InvokeAsync(call, instance);
        if (outcome is null)
        {
            return;
        }

        var (result, failure, usage, retryAfter) = outcome.Value;
        var now = _time.GetUtcNow().UtcDateTime;
        if (failure is not null && call.Retry.AllowsRetry(failure, call.Attempt))
        {
            // A server's Retry-After is honoured, but not past the policy's longest delay.
            var delay = call.Retry.DelayBefore(call.Attempt);
            var longest = delay > call.Retry.MaxRetryDelay ? delay : call.Retry.MaxRetryDelay;
            var wait = retryAfter <= delay ? delay : retryAfter < longest ? retryAfter : longest;
            var next = call with { Attempt = call.Attempt + 1, DueAt = now + wait };
            var failed = new TaskAttemptFailed(-1, now, call.TaskId, call.Attempt, failure, next.DueAt);
            LogRetry(_logger, call.Name, call.InstanceId, call.Attempt, next.DueAt, failure.ErrorMessage);
            try
            {
                await _journal.WriteAsync(new ActivityAttemptWrite(call.InstanceId, call.TaskId, next.Attempt, next.DueAt, failure.ErrorMessage)
                {
                    ExecutionId = call.ExecutionId,
                    Failed = failed,
                });
                _recorded(call.InstanceId, failed);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The retry goes on in memory; after a restart the stored attempt count is one behind.
                LogAttemptNotStored(_logger, call.Name, call.InstanceId, call.Attempt, ex);
            }

            if (!instance.IsCancellationRequested)
            {
                Enqueue(next);
            }

            return;
        }

        HistoryEvent done = failure is null
            ? new TaskCompleted(-1, now, call.TaskId, result, call.Attempt, usage)
            : new TaskFailed(-1, now, call.TaskId, failure, call.Attempt);
        _deliver(call.InstanceId, new PendingEvent(done, 0, call.ExecutionId));
    }

    /// <summary>Runs one attempt. Null means shutdown or the instance's stop interrupted it: nothing is reported.</summary>
    private async Task<(string? Result, FailureDetails? Failure, UsageReport? Usage, TimeSpan RetryAfter)?> InvokeAsync(ActivityCall call, CancellationToken instance)
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

        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(instance);
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
            return _limits.CheckActivityResult(call.Name, result) is { } tooLarge
                ? (null, tooLarge, context.Usage, TimeSpan.Zero)
                : (result, null, context.Usage, TimeSpan.Zero);
        }
        catch (OperationCanceledException) when (instance.IsCancellationRequested)
        {
            return null;
        }
        catch (OperationCanceledException ex) when (attempt.IsCancellationRequested)
        {
            var timeout = new TimeoutException(
                $"Attempt {call.Attempt} of activity '{call.Name}' exceeded its timeout of {call.Retry.AttemptTimeout}.", ex);
            return (null, PayloadLimits.Bound(FailureDetails.FromException(timeout)), context.Usage, TimeSpan.Zero);
        }
        catch (Exception ex)
        {
            return (null, PayloadLimits.Bound(FailureDetails.FromException(ex)), context.Usage, (ex as RetryAfterException)?.RetryAfter ?? TimeSpan.Zero);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Activity {Activity} of {InstanceId} failed on attempt {Attempt}; retrying at {DueAt:O}: {Error}")]
    private static partial void LogRetry(ILogger logger, string activity, string instanceId, int attempt, DateTime dueAt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The failure of attempt {Attempt} of activity {Activity} of {InstanceId} could not be stored; retrying anyway")]
    private static partial void LogAttemptNotStored(ILogger logger, string activity, string instanceId, int attempt, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity {Activity} of {InstanceId} could not be run or reported; it runs again after a restart")]
    private static partial void LogCallFailed(ILogger logger, string activity, string instanceId, Exception exception);

    /// <summary>A call and the set of its instance's calls it counts in.</summary>
    private sealed record Queued(ActivityCall Call, InstanceCalls Calls);

    /// <summary>The calls of one instance: how many are queued, waiting or running, and what cancels them.</summary>
    private sealed class InstanceCalls(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public int Count { get; set; }
    }
}
