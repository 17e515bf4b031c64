namespace Orchestrator.Testing.Internal;

/// <summary>Every request the server received, in order, and the tests waiting for a number of them.</summary>
internal sealed class RequestLog
{
    private readonly Lock _gate = new();
    private readonly List<RecordedRequest> _requests = [];
    private readonly List<(int Count, TaskCompletionSource<IReadOnlyList<RecordedRequest>> Arrived)> _waiters = [];

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _requests.Count;
            }
        }
    }

    public IReadOnlyList<RecordedRequest> Snapshot()
    {
        lock (_gate)
        {
            return [.. _requests];
        }
    }

    /// <summary>Records a request; <paramref name="create"/> gets its number in arrival order (from 1).</summary>
    public RecordedRequest Add(Func<int, RecordedRequest> create)
    {
        RecordedRequest request;
        List<(IReadOnlyList<RecordedRequest> Seen, TaskCompletionSource<IReadOnlyList<RecordedRequest>> Arrived)> due = [];
        lock (_gate)
        {
            request = create(_requests.Count + 1);
            _requests.Add(request);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Count <= _requests.Count)
                {
                    due.Add(([.. _requests.Take(_waiters[i].Count)], _waiters[i].Arrived));
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Completed outside the lock, so no waiter's continuation can ever run while the log is held.
        foreach (var (seen, arrived) in due)
        {
            arrived.TrySetResult(seen);
        }

        return request;
    }

    public async Task<IReadOnlyList<RecordedRequest>> WaitForAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var arrived = new TaskCompletionSource<IReadOnlyList<RecordedRequest>>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            if (_requests.Count >= count)
            {
                return [.. _requests.Take(count)];
            }

            _waiters.Add((count, arrived));
        }

        try
        {
            return await arrived.Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException timedOut)
        {
            Forget(arrived);
            var seen = Snapshot();
            throw new TimeoutException(
                $"Expected {count} model request(s) within {timeout}, but {seen.Count} arrived: " +
                (seen.Count == 0 ? "none." : string.Join("; ", seen)),
                timedOut);
        }
        catch (OperationCanceledException)
        {
            Forget(arrived);
            throw;
        }
    }

    private void Forget(TaskCompletionSource<IReadOnlyList<RecordedRequest>> arrived)
    {
        lock (_gate)
        {
            _waiters.RemoveAll(w => w.Arrived == arrived);
        }
    }
}
