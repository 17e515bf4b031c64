using System.Security.Cryptography;
using System.Text;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;

namespace Orchestrator.Core.Replay;

/// <summary>The actions workflow code takes through its context.</summary>
internal sealed partial class WorkflowExecutor
{
    private const string PatchPrefix = "patch:";

    public OpenTask? FindOpenTask(int id) => _open.GetValueOrDefault(id);

    internal Task<string?> ScheduleActivity(string name, string? input, RetryPolicy? retry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (retry?.Problem() is { } problem)
        {
            throw new ArgumentException($"The retry policy of the call to activity '{name}' is not valid: {problem}", nameof(retry));
        }

        _limits.Check(input, $"input of activity '{name}'");
        return Open(new TaskScheduled(_nextId++, CurrentUtcDateTime, name, input, Started?.Agent, Started?.StartedBy), retry);
    }

    internal Task<string?> ScheduleSubWorkflow(string name, string? input, SubWorkflowOptions? options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (options?.InstanceId is { } chosen && Identifiers.Check(chosen, "sub-workflow instance id") is { } problem)
        {
            throw new ArgumentException(problem + " (SubWorkflowOptions.InstanceId)", nameof(options));
        }

        _limits.Check(input, $"input of sub-workflow '{name}'");
        var id = _nextId++;
        var generation = Started?.Generation ?? 0;
        var childId = options?.InstanceId ?? (generation == 0 ? $"{InstanceId}:{id:x4}" : $"{InstanceId}:{generation}:{id:x4}");
        return Open(new SubOrchestrationInstanceCreated(id, CurrentUtcDateTime, childId, name, options?.Version, input, options?.Agent, options?.Tags), null);
    }

    internal Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken) => CreateTimer(fireAt, cancellationToken, out _);

    /// <summary>A durable timer; a cancelled token stops the wait, records that, and drops the timer.</summary>
    internal Task CreateTimer(DateTime fireAt, CancellationToken cancellationToken, out int timerId)
    {
        var utc = fireAt.Kind == DateTimeKind.Local ? fireAt.ToUniversalTime() : DateTime.SpecifyKind(fireAt, DateTimeKind.Utc);
        timerId = _nextId;
        var task = Open(new TimerCreated(_nextId++, CurrentUtcDateTime, utc), null);
        if (!cancellationToken.CanBeCanceled)
        {
            return task;
        }

        var id = timerId;
        var cancellable = new TaskCompletionSource<string?>();
        task.ContinueWith(t => cancellable.TrySetResult(null), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        cancellationToken.Register(() =>
        {
            if (cancellable.TrySetCanceled(cancellationToken) && _open.Remove(id))
            {
                RecordInformation(new TimerCancelled(-1, CurrentUtcDateTime, id));
            }
        });
        return cancellable.Task;
    }

    /// <summary>Records, live only, that the workflow now waits for <paramref name="name"/>; replay skips such records.</summary>
    internal void RecordWait(string name, DateTime? deadline, int? timerId) =>
        RecordInformation(new EventWaitStarted(-1, CurrentUtcDateTime, name, deadline, timerId));

    /// <summary>Whether an event of that name is buffered, so a wait for it ends at once.</summary>
    internal bool HasBuffered(string name) => _buffered.TryGetValue(name, out var queue) && queue.Count > 0;

    private void RecordInformation(HistoryEvent e)
    {
        if (!IsReplaying)
        {
            _turnEvents.Add(e);
        }
    }

    internal Task<string?> WaitForEvent(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (_buffered.TryGetValue(name, out var queue) && queue.TryDequeue(out var buffered))
        {
            return Task.FromResult(buffered.Input);
        }

        var waiter = new TaskCompletionSource<string?>();
        if (!_waiters.TryGetValue(name, out var list))
        {
            _waiters[name] = list = new LinkedList<TaskCompletionSource<string?>>();
        }

        list.AddLast(waiter);
        return waiter.Task;
    }

    internal void CancelWait(string name, Task<string?> waiter)
    {
        if (_waiters.TryGetValue(name, out var list))
        {
            var node = list.First;
            while (node is not null && node.Value.Task != waiter)
            {
                node = node.Next;
            }

            if (node is not null)
            {
                list.Remove(node);
            }
        }
    }

    internal void SendEvent(string instanceId, string name, string? payload)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ReservedEventException.ThrowIfReserved(name);
        _limits.Check(payload, $"payload of the event '{name}'");
        Record(new EventSent(_nextId++, CurrentUtcDateTime, instanceId, name, payload), null);
    }

    internal bool IsPatched(string changeId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(changeId);
        if (_patchDecisions.TryGetValue(changeId, out var decided))
        {
            return decided;
        }

        // Old histories replay the old path; anything that reaches this point live, or whose history recorded the
        // patch, takes the new one.
        var patched = _patchesInHistory.Contains(changeId) || !IsReplaying;
        if (patched)
        {
            Record(new GenericEvent(_nextId++, CurrentUtcDateTime, PatchPrefix + changeId), null);
        }

        _patchDecisions[changeId] = patched;
        return patched;
    }

    internal Guid NewGuid()
    {
        // Name-based (RFC 4122 version 5 layout) from instance, generation and a counter: the same on every replay.
        var name = $"{InstanceId}:{Started?.ExecutionId}:{_guidCounter++}";
        var hash = SHA1.HashData(Encoding.UTF8.GetBytes(name));
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>An audit record from workflow code, as the instance's principal; dropped while replaying (it was kept then).</summary>
    internal void RecordAudit(string action, string? target, string outcome, string? details)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentException.ThrowIfNullOrWhiteSpace(outcome);
        if (IsReplaying)
        {
            return;
        }

        _limits.Check(details, $"details of the audit record '{action}'");
        var (actor, onBehalfOf) = StepAudit.Principal(Started?.Agent, Started?.StartedBy);
        _turnAudit.Add(new AuditEntry(CurrentUtcDateTime, actor, onBehalfOf, action, target ?? StepAudit.InstanceTarget(InstanceId), outcome, InstanceId, details));
    }

    internal void SetCustomStatus(object? status)
    {
        var json = OrchestratorJson.Serialize(status);
        _limits.Check(json, "custom status");
        CustomStatus = json;
    }

    internal void RequestContinueAsNew(object? input)
    {
        var json = OrchestratorJson.Serialize(input);
        _limits.Check(json, "input of the next run (ContinueAsNew)");
        ContinueAsNewRequested = true;
        RequestedContinueAsNewInput = json;
    }

    private Task<string?> Open(HistoryEvent action, RetryPolicy? retry)
    {
        var task = new OpenTask(action, retry);
        _open[action.EventId] = task;
        Record(action, task);
        return task.Completion.Task;
    }

    private void Record(HistoryEvent action, OpenTask? task)
    {
        if (IsReplaying)
        {
            _unconfirmed[action.EventId] = action;
            return;
        }

        _turnEvents.Add(action);
        if (task is not null)
        {
            _turnScheduled.Add(task);
        }
    }

    /// <summary>Actions produced during replay that history lacks (new code after the recorded end) are recorded now.</summary>
    private void RecordLeftoverActions()
    {
        if (_unconfirmed.Count == 0)
        {
            return;
        }

        foreach (var action in _unconfirmed.Values.OrderBy(a => a.EventId))
        {
            _turnEvents.Add(action);
            if (_open.TryGetValue(action.EventId, out var task))
            {
                _turnScheduled.Add(task);
            }
        }

        _unconfirmed.Clear();
    }

    private void DeliverEvent(EventRaised e)
    {
        if (_waiters.TryGetValue(e.Name, out var list) && list.First is { } first)
        {
            list.RemoveFirst();
            first.Value.TrySetResult(e.Input);
            return;
        }

        if (!_buffered.TryGetValue(e.Name, out var queue))
        {
            _buffered[e.Name] = queue = new Queue<EventRaised>();
        }

        queue.Enqueue(e);
    }
}
