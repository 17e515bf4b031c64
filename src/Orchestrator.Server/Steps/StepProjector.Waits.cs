using System.Text.Json;
using Orchestrator.Core.History;

namespace Orchestrator.Server.Steps;

/// <summary>Waits, the timers that bound them, and the steps an instance leaves open when it ends.</summary>
internal sealed partial class StepProjector
{
    /// <summary>The activity that stores an approval; its input names the task and its title.</summary>
    private const string ApprovalCreateActivity = "orchestrator.approval-create";

    private const string ApprovalPrefix = "approval:";

    private readonly Dictionary<string, Queue<int>> _openWaits = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _waitTimers = [];
    private readonly Dictionary<string, string> _approvalTitles = new(StringComparer.Ordinal);

    private void ResetWaits()
    {
        _openWaits.Clear();
        _waitTimers.Clear();
        _approvalTitles.Clear();
    }

    /// <summary>
    /// A wait with a deadline takes over the step of its timer (recorded just before it), so the timeline shows one step:
    /// what is awaited, until when. A wait without one is a step of its own.
    /// </summary>
    private void ApplyWaitStarted(EventWaitStarted wait, SortedSet<int> changed)
    {
        int position;
        if (wait.TimerId is { } timerId && _timers.Remove(timerId, out var timerStep))
        {
            position = timerStep;
            _waitTimers[timerId] = position;
            _steps[position] = _steps[position] with { Kind = StepKinds.Wait, Name = wait.Name, Status = StepStatuses.Waiting };
            changed.Add(position);
        }
        else
        {
            position = Add(StepKinds.Wait, wait.Name, StepStatuses.Waiting, wait.Timestamp, changed).Sequence - 1;
        }

        _steps[position] = _steps[position] with
        {
            Title = WaitTitle(wait.Name),
            Deadline = wait.Deadline is { } deadline ? Utc(deadline) : null,
        };
        if (!_openWaits.TryGetValue(wait.Name, out var queue))
        {
            _openWaits[wait.Name] = queue = new Queue<int>();
        }

        queue.Enqueue(position);
    }

    /// <summary>An event ends the oldest wait for its name, as the engine hands it to the oldest waiter.</summary>
    private void EndWait(EventRaised raised, SortedSet<int> changed)
    {
        if (!_openWaits.TryGetValue(raised.Name, out var queue))
        {
            return;
        }

        while (queue.TryDequeue(out var position))
        {
            if (_steps[position].Status != StepStatuses.Waiting)
            {
                continue;
            }

            _steps[position] = _steps[position] with { Status = StepStatuses.Received, CompletedAt = Utc(raised.Timestamp), Output = raised.Input };
            changed.Add(position);
            return;
        }
    }

    private void ApplyTimerFired(TimerFired fired, SortedSet<int> changed)
    {
        if (_waitTimers.TryGetValue(fired.TimerId, out var wait))
        {
            if (_steps[wait].Status == StepStatuses.Waiting)
            {
                _steps[wait] = _steps[wait] with { Status = StepStatuses.TimedOut, CompletedAt = Utc(fired.Timestamp) };
                changed.Add(wait);
            }

            return;
        }

        // A timer given up earlier stays given up, even if its time came later.
        Update(_timers, fired.TimerId, StepKinds.Timer, fired.Timestamp, changed, s => s.Status == StepStatuses.Cancelled ? s : s with
        {
            Status = StepStatuses.Fired,
            CompletedAt = Utc(fired.Timestamp),
        });
    }

    private void ApplyTimerCancelled(TimerCancelled cancelled, SortedSet<int> changed)
    {
        if (_waitTimers.ContainsKey(cancelled.TimerId) || !_timers.ContainsKey(cancelled.TimerId))
        {
            // The wait's own event says how it ended.
            return;
        }

        Update(_timers, cancelled.TimerId, StepKinds.Timer, cancelled.Timestamp, changed, s => s with
        {
            Status = StepStatuses.Cancelled,
            CompletedAt = Utc(cancelled.Timestamp),
        });
    }

    /// <summary>The instance ended: what it still waited for will never come.</summary>
    private void CloseOpenSteps(DateTime at, SortedSet<int> changed)
    {
        for (var i = 0; i < _steps.Count; i++)
        {
            var step = _steps[i];
            if (i != _workflow && step.CompletedAt is null && step.Kind != StepKinds.Workflow)
            {
                _steps[i] = step with { Status = StepStatuses.Cancelled, CompletedAt = Utc(at) };
                changed.Add(i);
            }
        }
    }

    private string WaitTitle(string eventName)
    {
        if (!eventName.StartsWith(ApprovalPrefix, StringComparison.Ordinal))
        {
            return $"Waiting for event {eventName}";
        }

        return _approvalTitles.TryGetValue(eventName[ApprovalPrefix.Length..], out var title)
            ? $"Waiting for approval: {title}"
            : "Waiting for approval";
    }

    /// <summary>Keeps the title of an approval being stored, for the wait on its decision that follows.</summary>
    private void RememberApproval(TaskScheduled scheduled)
    {
        if (scheduled.Name != ApprovalCreateActivity || string.IsNullOrEmpty(scheduled.Input))
        {
            return;
        }

        try
        {
            using var input = JsonDocument.Parse(scheduled.Input);
            if (input.RootElement is { ValueKind: JsonValueKind.Object } root
                && root.TryGetProperty("taskId", out var taskId) && taskId.ValueKind == JsonValueKind.String
                && root.TryGetProperty("request", out var request) && request.ValueKind == JsonValueKind.Object
                && request.TryGetProperty("title", out var title) && title.ValueKind == JsonValueKind.String)
            {
                _approvalTitles[taskId.GetString()!] = title.GetString()!;
            }
        }
        catch (JsonException)
        {
            // Not the shape the approval step writes: the wait is shown without a title.
        }
    }
}
