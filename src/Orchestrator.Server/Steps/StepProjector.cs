using System.Globalization;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Server.Mapping;

namespace Orchestrator.Server.Steps;

/// <summary>
/// Projects an instance's history events into steps: one step per activity call, timer, sub-workflow, event, patch or
/// operation, plus one for the workflow itself. Incremental: apply events as they are committed, and
/// <see cref="Apply"/> returns the steps each batch created or changed.
/// </summary>
/// <param name="principal">The user the instance acts for, until an <see cref="ExecutionStarted"/> event names one.</param>
/// <remarks>
/// Each step carries the principal pair it acts as: an activity the agent and user its <see cref="TaskScheduled"/> recorded,
/// every other step the instance's agent (<see cref="ExecutionStarted.Agent"/>) and the user it was started by.
/// A step still open when the instance ends (a timeout that lost its race, a branch nobody waited for) ends Cancelled.
/// </remarks>
internal sealed partial class StepProjector(string? principal)
{
    private const string PatchPrefix = "patch:";

    private readonly List<Step> _steps = [];
    private readonly Dictionary<int, int> _activities = [];
    private readonly Dictionary<int, int> _timers = [];
    private readonly Dictionary<int, int> _subWorkflows = [];
    private string? _user = principal;
    private string? _agent;
    private int _workflow = -1;

    /// <summary>Every step so far, in order.</summary>
    public IReadOnlyList<Step> Steps => _steps;

    /// <summary>Projects a whole history at once.</summary>
    public static IReadOnlyList<Step> Project(IEnumerable<HistoryEvent> history, string? principal)
    {
        var projector = new StepProjector(principal);
        projector.Apply(history);
        return projector.Steps;
    }

    /// <summary>Forgets every step, for a history that was replaced (continue-as-new, restart).</summary>
    public void Reset()
    {
        _steps.Clear();
        _activities.Clear();
        _timers.Clear();
        _subWorkflows.Clear();
        ResetWaits();
        _workflow = -1;
    }

    /// <summary>Applies events in order and returns the steps they created or changed, in step order, each once.</summary>
    public IReadOnlyList<Step> Apply(IEnumerable<HistoryEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var changed = new SortedSet<int>();
        foreach (var e in events)
        {
            ApplyOne(e, changed);
        }

        return [.. changed.Select(i => _steps[i])];
    }

    private void ApplyOne(HistoryEvent e, SortedSet<int> changed)
    {
        switch (e)
        {
            case ExecutionStarted started:
                _user = started.StartedBy ?? _user;
                _agent = started.Agent;
                _workflow = Replace(Add(StepKinds.Workflow, started.Name, StepStatuses.Running, started.Timestamp, changed) with { Input = started.Input });
                break;
            case ExecutionCompleted completed:
                CloseOpenSteps(completed.Timestamp, changed);
                UpdateWorkflow(completed.Timestamp, changed, s => s with
                {
                    Status = completed.Status.ToString(),
                    CompletedAt = Utc(completed.Timestamp),
                    Output = completed.Result,
                    Error = completed.Failure,
                });
                break;
            case ContinueAsNew continued:
                CloseOpenSteps(continued.Timestamp, changed);
                UpdateWorkflow(continued.Timestamp, changed, s => s with
                {
                    Status = StepStatuses.ContinuedAsNew,
                    CompletedAt = Utc(continued.Timestamp),
                    Output = continued.Input,
                });
                break;
            case TaskScheduled scheduled:
                _activities[scheduled.EventId] = Replace(
                    Add(StepKinds.Activity, scheduled.Name, StepStatuses.Scheduled, scheduled.Timestamp, changed) with
                    {
                        Input = scheduled.Input,
                        Agent = scheduled.Agent ?? _agent,
                        OnBehalfOf = scheduled.OnBehalfOf ?? _user,
                    });
                RememberApproval(scheduled);
                break;
            case TaskCompleted done:
                Update(_activities, done.TaskScheduledId, StepKinds.Activity, done.Timestamp, changed, s => s with
                {
                    Status = StepStatuses.Completed,
                    CompletedAt = Utc(done.Timestamp),
                    Attempt = done.Attempt,
                    Output = done.Result,
                    Error = null,
                    Usage = done.Usage,
                });
                break;
            case TaskFailed failed:
                Update(_activities, failed.TaskScheduledId, StepKinds.Activity, failed.Timestamp, changed, s => s with
                {
                    Status = StepStatuses.Failed,
                    CompletedAt = Utc(failed.Timestamp),
                    Attempt = failed.Attempt,
                    Error = failed.Failure,
                });
                break;
            case TimerCreated timer:
                _timers[timer.EventId] = Replace(Add(StepKinds.Timer, Iso(timer.FireAt), StepStatuses.Waiting, timer.Timestamp, changed));
                break;
            case TimerFired fired:
                ApplyTimerFired(fired, changed);
                break;
            case TimerCancelled cancelled:
                ApplyTimerCancelled(cancelled, changed);
                break;
            case EventWaitStarted wait:
                ApplyWaitStarted(wait, changed);
                break;
            case TaskAttemptFailed attempt:
                Update(_activities, attempt.TaskScheduledId, StepKinds.Activity, attempt.Timestamp, changed, s => s with
                {
                    Attempt = attempt.Attempt + 1,
                    Attempts = [.. s.Attempts, new StepAttempt(attempt.Attempt, Utc(attempt.Timestamp), attempt.Failure)],
                });
                break;
            case SubOrchestrationInstanceCreated sub:
                _subWorkflows[sub.EventId] = Replace(
                    Add(StepKinds.SubWorkflow, sub.Name, StepStatuses.Running, sub.Timestamp, changed) with
                    {
                        Input = sub.Input,
                        ChildInstanceId = sub.InstanceId,

                        // An agent run is a sub-workflow of one generic name: the agent's name tells them apart.
                        Title = sub.Agent is { Length: > 0 } agent ? $"Agent {agent}" : null,
                    });
                break;
            case SubOrchestrationInstanceCompleted subDone:
                Update(_subWorkflows, subDone.TaskScheduledId, StepKinds.SubWorkflow, subDone.Timestamp, changed, s => s with
                {
                    Status = StepStatuses.Completed,
                    CompletedAt = Utc(subDone.Timestamp),
                    Output = subDone.Result,
                });
                break;
            case SubOrchestrationInstanceFailed subFailed:
                Update(_subWorkflows, subFailed.TaskScheduledId, StepKinds.SubWorkflow, subFailed.Timestamp, changed, s => s with
                {
                    Status = StepStatuses.Failed,
                    CompletedAt = Utc(subFailed.Timestamp),
                    Error = subFailed.Failure,
                });
                break;
            case EventRaised raised:
                Replace(Add(StepKinds.Event, raised.Name, StepStatuses.Received, raised.Timestamp, changed) with
                {
                    CompletedAt = Utc(raised.Timestamp),
                    Output = raised.Input,
                    By = raised.By,
                });
                EndWait(raised, changed);
                break;
            case EventSent sent:
                Replace(Add(StepKinds.EventSent, sent.Name, StepStatuses.Sent, sent.Timestamp, changed) with
                {
                    CompletedAt = Utc(sent.Timestamp),
                    Input = sent.Input,
                    TargetInstanceId = sent.InstanceId,
                });
                break;
            case GenericEvent marker:
                AddMarker(marker, changed);
                break;
            case ExecutionSuspended suspended:
                AddOperation("suspend", suspended.Reason, suspended.By, suspended.Timestamp, changed);
                break;
            case ExecutionResumed resumed:
                AddOperation("resume", resumed.Reason, resumed.By, resumed.Timestamp, changed);
                break;
            case ExecutionTerminated terminated:
                AddOperation("terminate", terminated.Reason, terminated.By, terminated.Timestamp, changed);
                break;
            case ExecutionRewound rewound:
                AddOperation("restart", rewound.Reason, rewound.By, rewound.Timestamp, changed);
                UpdateWorkflow(rewound.Timestamp, changed, s => s with
                {
                    Status = StepStatuses.Running,
                    CompletedAt = null,
                    Output = null,
                    Error = null,
                });
                break;
            default:
                // OrchestratorStarted only marks a turn; it is not a step.
                break;
        }
    }

    private Step Add(string kind, string name, string status, DateTime startedAt, SortedSet<int> changed)
    {
        var step = new Step(_steps.Count + 1, kind, name, status, Utc(startedAt)) { Agent = _agent, OnBehalfOf = _user };
        _steps.Add(step);
        changed.Add(_steps.Count - 1);
        return step;
    }

    /// <summary>Stores a step (created by <see cref="Add"/>, then refined) at its position; returns that index.</summary>
    private int Replace(Step step)
    {
        _steps[step.Sequence - 1] = step;
        return step.Sequence - 1;
    }

    private void AddOperation(string name, string? reason, string? by, DateTime at, SortedSet<int> changed) =>
        Replace(Add(StepKinds.Operation, name, StepStatuses.Applied, at, changed) with
        {
            CompletedAt = Utc(at),
            Input = OrchestratorJson.Serialize(reason),
            By = by,
        });

    private void AddMarker(GenericEvent marker, SortedSet<int> changed)
    {
        var step = marker.Data.StartsWith(PatchPrefix, StringComparison.Ordinal)
            ? Add(StepKinds.Patch, marker.Data[PatchPrefix.Length..], StepStatuses.Applied, marker.Timestamp, changed)
            : Add(StepKinds.Marker, marker.Data, StepStatuses.Recorded, marker.Timestamp, changed);
        Replace(step with { CompletedAt = Utc(marker.Timestamp) });
    }

    private void UpdateWorkflow(DateTime at, SortedSet<int> changed, Func<Step, Step> update)
    {
        if (_workflow < 0)
        {
            // A history that starts mid-way (it should not) still gets a workflow step to carry the outcome.
            _workflow = Add(StepKinds.Workflow, string.Empty, StepStatuses.Running, at, changed).Sequence - 1;
        }

        _steps[_workflow] = update(_steps[_workflow]);
        changed.Add(_workflow);
    }

    private void Update(Dictionary<int, int> index, int id, string kind, DateTime at, SortedSet<int> changed, Func<Step, Step> update)
    {
        if (!index.TryGetValue(id, out var position))
        {
            // The outcome arrived without its start (a truncated history): keep it visible under its task id.
            position = Add(kind, "#" + id.ToString(CultureInfo.InvariantCulture), StepStatuses.Scheduled, at, changed).Sequence - 1;
            index[id] = position;
        }

        _steps[position] = update(_steps[position]);
        changed.Add(position);
    }

    private static DateTime Utc(DateTime value) => UtcTime.Normalize(value);

    private static string Iso(DateTime value) => Utc(value).ToString("O", CultureInfo.InvariantCulture);
}
