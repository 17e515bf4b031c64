using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Runtime;

/// <summary>
/// Fires durable timers at their due time by delivering <see cref="TimerFired"/> to the instance.
/// The timers themselves are stored; this is the in-memory index of when to wake up.
/// </summary>
internal sealed class TimerScheduler : IAsyncDisposable
{
    private readonly PriorityQueue<TimerWorkItem, DateTime> _queue = new();
    private readonly HashSet<(string InstanceId, string ExecutionId, int TimerId)> _removed = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly Action<string, PendingEvent> _deliver;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly SemaphoreSlim _changed = new(0);
    private Task? _loop;

    public TimerScheduler(TimeProvider time, Action<string, PendingEvent> deliver)
    {
        _time = time;
        _deliver = deliver;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public void Start() => _loop = Task.Run(RunAsync);

    public void Add(TimerWorkItem timer)
    {
        lock (_gate)
        {
            _queue.Enqueue(timer, timer.FireAt);
        }

        _changed.Release();
    }

    /// <summary>Forgets a timer nobody waits for any more (its stored row went with the step that gave it up).</summary>
    public void Remove(string instanceId, string executionId, int timerId)
    {
        lock (_gate)
        {
            // Dropped when it comes due: a search of the queue would cost every cancelled wait a pass over all timers.
            _removed.Add((instanceId, executionId, timerId));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _shutdown.Dispose();
        _changed.Dispose();
    }

    private async Task RunAsync()
    {
        while (!_shutdown.IsCancellationRequested)
        {
            var wait = FireDue();
            try
            {
                await _changed.WaitAsync(wait, _shutdown.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Delivers every due timer and returns how long to sleep until the next one.</summary>
    private TimeSpan FireDue()
    {
        var due = new List<TimerWorkItem>();
        TimeSpan wait;
        lock (_gate)
        {
            var now = _time.GetUtcNow().UtcDateTime;
            while (_queue.TryPeek(out var next, out var fireAt) && fireAt <= now)
            {
                if (!_removed.Remove((next.InstanceId, next.ExecutionId, next.TimerId)))
                {
                    due.Add(next);
                }

                _queue.Dequeue();
            }

            wait = _queue.TryPeek(out _, out var soonest) ? soonest - now : TimeSpan.FromMinutes(1);
        }

        foreach (var timer in due)
        {
            var fired = new TimerFired(-1, _time.GetUtcNow().UtcDateTime, timer.FireAt, timer.TimerId);
            _deliver(timer.InstanceId, new PendingEvent(fired, 0, timer.ExecutionId));
        }

        // Sleep in bounded slices so a changed clock (or a fake one in tests) is noticed.
        return wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : TimeSpan.FromTicks(Math.Min(wait.Ticks, TimeSpan.FromSeconds(1).Ticks));
    }
}
