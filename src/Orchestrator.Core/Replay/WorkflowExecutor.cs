using Microsoft.Extensions.Logging;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Runtime;

namespace Orchestrator.Core.Replay;

/// <summary>
/// Runs one generation of one workflow instance as a state machine over history events: past events are replayed
/// (actions are matched against what was recorded), new events are applied live (actions become new history).
/// Not thread-safe: the engine drives one instance from one thread at a time.
/// </summary>
internal sealed partial class WorkflowExecutor
{
    private readonly IWorkflowRunner _runner;
    private readonly ILogger _logger;
    private readonly PayloadLimits _limits;
    private readonly WorkflowTaskScheduler _scheduler = new();
    private readonly Dictionary<int, OpenTask> _open = [];
    private readonly Dictionary<int, HistoryEvent> _unconfirmed = [];
    private readonly List<HistoryEvent> _turnEvents = [];
    private readonly List<OpenTask> _turnScheduled = [];
    private readonly List<ResolvedStep> _turnResolved = [];
    private readonly List<AuditEntry> _turnAudit = [];
    private readonly Dictionary<string, Queue<EventRaised>> _buffered = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LinkedList<TaskCompletionSource<string?>>> _waiters = new(StringComparer.Ordinal);
    private readonly HashSet<string> _patchesInHistory = new(StringComparer.Ordinal);
    private readonly Dictionary<string, bool> _patchDecisions = new(StringComparer.Ordinal);
    private Task<string?>? _run;
    private int _nextId;
    private int _guidCounter;
    private bool _completionRecorded;

    public WorkflowExecutor(string instanceId, IWorkflowRunner runner, ILogger logger, PayloadLimits? limits = null)
    {
        InstanceId = instanceId;
        _runner = runner;
        _logger = logger;
        _limits = limits ?? new PayloadLimits(Hosting.EngineOptions.DefaultMaxPayloadBytes);
        Context = new DurableWorkflowContext(this, logger);
    }

    public string InstanceId { get; }

    public DurableWorkflowContext Context { get; }

    public ExecutionStarted? Started { get; private set; }

    public DateTime CurrentUtcDateTime { get; private set; }

    public bool IsReplaying { get; private set; }

    public InstanceStatus Status { get; private set; } = InstanceStatus.Pending;

    public string? Output { get; private set; }

    public FailureDetails? Failure { get; private set; }

    public string? CustomStatus { get; private set; }

    /// <summary>Set when the workflow asked to continue as new and then returned.</summary>
    public ContinueAsNewRequest? ContinueAsNew { get; private set; }

    public bool IsFinished => Status.IsTerminal() || ContinueAsNew is not null;

    /// <summary>True when the end of the instance is in history (false right after a replay found non-determinism).</summary>
    public bool CompletionRecorded => _completionRecorded;

    /// <summary>Activities, timers and sub-workflows awaiting a result.</summary>
    public IEnumerable<OpenTask> OpenTasks => _open.Values;

    /// <summary>Actions the code produced that history has not recorded yet (left over after a replay).</summary>
    public bool HasUnrecordedActions => _unconfirmed.Count > 0;

    internal string? RequestedContinueAsNewInput { get; set; }

    internal bool ContinueAsNewRequested { get; set; }

    /// <summary>Rebuilds state from a generation's history without side effects.</summary>
    public void Replay(IReadOnlyList<HistoryEvent> history)
    {
        foreach (var e in history)
        {
            if (e is GenericEvent g && g.Data.StartsWith(PatchPrefix, StringComparison.Ordinal))
            {
                _patchesInHistory.Add(g.Data[PatchPrefix.Length..]);
            }
        }

        IsReplaying = true;
        try
        {
            foreach (var e in history)
            {
                // Keep going after the workflow finished: the recorded ExecutionCompleted must be seen too.
                if (!ApplyGuarded(e, replaying: true))
                {
                    break;
                }
            }
        }
        finally
        {
            IsReplaying = false;
            _turnEvents.Clear();
            _turnScheduled.Clear();
            _turnResolved.Clear();
            _turnAudit.Clear();
        }
    }

    /// <summary>Applies new events live and returns what the turn recorded and produced.</summary>
    public TurnOutput ExecuteTurn(DateTime now, IReadOnlyList<HistoryEvent> inbound)
    {
        _turnEvents.Clear();
        _turnScheduled.Clear();
        _turnResolved.Clear();
        _turnAudit.Clear();
        var applied = new List<HistoryEvent>(inbound.Count);
        var deferred = new List<HistoryEvent>();
        ApplyGuarded(new OrchestratorStarted(-1, now), replaying: false);
        RecordLeftoverActions();

        foreach (var e in inbound)
        {
            if (IsFinished)
            {
                // A finished instance drops later events (a late timer after WhenAny, an event nobody waits for).
                applied.Add(e);
                continue;
            }

            if (Status == InstanceStatus.Suspended && e is not (ExecutionResumed or ExecutionTerminated))
            {
                deferred.Add(e);
                continue;
            }

            applied.Add(e);
            ApplyGuarded(e, replaying: false);
        }

        if (!_completionRecorded && Status.IsTerminal() && ContinueAsNew is null)
        {
            _turnEvents.Add(new ExecutionCompleted(_nextId++, now, Status, Output, Failure));
            _completionRecorded = true;
        }

        return new TurnOutput([.. _turnEvents], [.. _turnScheduled], applied, deferred, [.. _turnResolved], [.. _turnAudit]);
    }

    private bool ApplyGuarded(HistoryEvent e, bool replaying)
    {
        try
        {
            Apply(e, replaying);
            AfterStep(e.Timestamp);
            return true;
        }
        catch (NonDeterminismException ex)
        {
            Fail(new FailureDetails(NonDeterminismException.ErrorType, ex.Message, null, null, true));
            return false;
        }
    }

    private void Apply(HistoryEvent e, bool replaying)
    {
        if (!replaying)
        {
            if (e is EventRaised forged && IsForged(forged))
            {
                // Consumed, but neither recorded nor delivered: only the engine answers a reserved name.
                LogForgedEvent(_logger, InstanceId, forged.Name);
                return;
            }

            if (ResultFor(e) is { } id && !_open.ContainsKey(id))
            {
                // A second result for a step that has one (a call run again after a resume, a timer added twice):
                // it changes nothing, so it is not recorded either.
                return;
            }

            _turnEvents.Add(e);
        }

        switch (e)
        {
            case OrchestratorStarted:
                CurrentUtcDateTime = e.Timestamp;
                break;
            case ExecutionStarted started:
                Start(started);
                break;
            case TaskCompleted c:
                Resolve(c.TaskScheduledId, c.Result, null, e, replaying);
                break;
            case TaskFailed f:
                Resolve(f.TaskScheduledId, null, f.Failure, e, replaying);
                break;
            case SubOrchestrationInstanceCompleted c:
                Resolve(c.TaskScheduledId, c.Result, null, e, replaying);
                break;
            case SubOrchestrationInstanceFailed f:
                Resolve(f.TaskScheduledId, null, f.Failure, e, replaying);
                break;
            case TimerFired t:
                Resolve(t.TimerId, null, null, e, replaying);
                break;
            case EventRaised r:
                DeliverEvent(r);
                break;
            case ExecutionSuspended:
                Status = InstanceStatus.Suspended;
                break;
            case ExecutionResumed:
                Status = InstanceStatus.Running;
                break;
            case ExecutionTerminated t:
                Status = InstanceStatus.Terminated;
                Output = OrchestratorJson.Serialize(t.Reason ?? "terminated");
                break;
            case ExecutionCompleted c:
                _completionRecorded = true;
                Status = c.Status;
                Output = c.Result;
                Failure = c.Failure;
                break;
            default:
                if (ActionDescriber.IsAction(e))
                {
                    Confirm(e);
                }

                break;
        }
    }

    private void Start(ExecutionStarted started)
    {
        Started = started;
        Status = InstanceStatus.Running;
        if (CurrentUtcDateTime == default)
        {
            CurrentUtcDateTime = started.Timestamp;
        }

        _run = Task.Factory.StartNew(
            () => _runner.RunAsync(Context, started.Input),
            CancellationToken.None,
            TaskCreationOptions.None,
            _scheduler).Unwrap();
    }

    private void Resolve(int id, string? result, FailureDetails? failure, HistoryEvent finishedBy, bool replaying)
    {
        if (!_open.Remove(id, out var task))
        {
            return;
        }

        if (!replaying)
        {
            _turnResolved.Add(new ResolvedStep(task.Action, finishedBy));
        }

        if (failure is null)
        {
            task.Completion.TrySetResult(result);
        }
        else
        {
            task.Completion.TrySetException(new WorkflowTaskFailedException(TaskName(task.Action), id, failure));
        }
    }

    /// <summary>The task an inbound result event answers, or null for other events.</summary>
    private static int? ResultFor(HistoryEvent e) => e switch
    {
        TaskCompleted c => c.TaskScheduledId,
        TaskFailed f => f.TaskScheduledId,
        SubOrchestrationInstanceCompleted c => c.TaskScheduledId,
        SubOrchestrationInstanceFailed f => f.TaskScheduledId,
        TimerFired t => t.TimerId,
        _ => null,
    };

    private static string TaskName(HistoryEvent action) => action switch
    {
        TaskScheduled t => t.Name,
        SubOrchestrationInstanceCreated s => s.Name,
        _ => "timer",
    };

    private void Confirm(HistoryEvent recorded)
    {
        if (!_unconfirmed.Remove(recorded.EventId, out var produced))
        {
            throw new NonDeterminismException(
                $"Step #{recorded.EventId}: history recorded '{ActionDescriber.Describe(recorded)}', but the workflow code " +
                "did not do that at this point. The code was changed in a way that does not match running instances; " +
                "guard the change with ctx.IsPatched(...) or restart after reverting it.");
        }

        if (!ActionDescriber.SameAction(recorded, produced))
        {
            throw new NonDeterminismException(
                $"Step #{recorded.EventId}: history recorded '{ActionDescriber.Describe(recorded)}', but the workflow code " +
                $"now does '{ActionDescriber.Describe(produced)}'. Guard code changes with ctx.IsPatched(...) so running " +
                "instances keep their recorded path.");
        }
    }

    private void AfterStep(DateTime timestamp)
    {
        _scheduler.Drain();
        if (_run is not { IsCompleted: true } || Status.IsTerminal() || ContinueAsNew is not null)
        {
            return;
        }

        if (_run.IsCompletedSuccessfully)
        {
            if (ContinueAsNewRequested)
            {
                ContinueAsNew = new ContinueAsNewRequest(RequestedContinueAsNewInput, CarryOverEvents(timestamp));
                return;
            }

            if (_limits.Problem(_run.Result, $"output of workflow '{Started?.Name}'") is { } tooLarge)
            {
                // Stored as the failure instead: the output itself never reaches history.
                Fail(new FailureDetails(PayloadLimits.ErrorType, tooLarge, IsNonRetriable: true));
                return;
            }

            Status = InstanceStatus.Completed;
            Output = _run.Result;
            return;
        }

        var error = _run.Exception?.InnerException ?? new TaskCanceledException("The workflow was cancelled.");
        Fail(error is WorkflowTaskFailedException wf
            ? new FailureDetails(wf.GetType().FullName!, wf.Message, wf.StackTrace, wf.Failure)
            : FailureDetails.FromException(error));
    }

    private void Fail(FailureDetails failure)
    {
        Status = InstanceStatus.Failed;
        Failure = PayloadLimits.Bound(failure);
        Output = null;
    }

    private List<EventRaised> CarryOverEvents(DateTime timestamp) =>
        [.. _buffered.SelectMany(kv => kv.Value.Select(e => e with { EventId = -1, Timestamp = timestamp }))];

    /// <summary>
    /// A reserved name the engine did not raise. The doors refuse such events already; this keeps one that got past
    /// them (a store written by other code, a door added later) from answering an approval. Recorded histories are
    /// replayed as they are.
    /// </summary>
    private static bool IsForged(EventRaised e) => !e.RaisedByEngine && ReservedEvents.IsReserved(e.Name);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Instance {InstanceId} dropped the event '{EventName}': the name is reserved for the engine, and the engine did not raise it")]
    private static partial void LogForgedEvent(ILogger logger, string instanceId, string eventName);
}
