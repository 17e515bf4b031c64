using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Replay;

namespace Orchestrator.Core.Tests.Replay;

/// <summary>Drives a workflow through the executor with hand-made events: history in, actions out.</summary>
internal sealed class ReplayHarness
{
    public static readonly DateTime T0 = new(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly Func<IWorkflowRunner> _runner;
    private readonly List<HistoryEvent> _history = [];
    private DateTime _now = T0;

    private ReplayHarness(Func<IWorkflowRunner> runner) => _runner = runner;

    public WorkflowExecutor Executor { get; private set; } = null!;

    public IReadOnlyList<HistoryEvent> History => _history;

    public static ReplayHarness For<TIn, TOut>(Func<WorkflowContext, TIn, Task<TOut>> body) =>
        new(() => new DelegateWorkflowRunner<TIn, TOut>("test", body));

    public static ReplayHarness ForRunner(Func<IWorkflowRunner> runner) => new(runner);

    public static ExecutionStarted Started(string? input = null, string name = "test") =>
        new(-1, T0, name, "1", input, "exec-1", null, "alice");

    public TurnOutput Start(string? input = null)
    {
        Executor = NewExecutor();
        return Turn(Started(input));
    }

    public TurnOutput Turn(params HistoryEvent[] inbound)
    {
        _now = _now.AddSeconds(1);
        var output = Executor.ExecuteTurn(_now, inbound);
        _history.AddRange(output.NewEvents);
        return output;
    }

    /// <summary>Replays the recorded history into a fresh executor, as after a restart.</summary>
    public WorkflowExecutor Reload()
    {
        Executor = NewExecutor();
        Executor.Replay(_history);
        return Executor;
    }

    public WorkflowExecutor ReplayInto(IReadOnlyList<HistoryEvent> history)
    {
        Executor = NewExecutor();
        Executor.Replay(history);
        return Executor;
    }

    public TaskCompleted Completed(int taskId, object? result) => new(-1, _now, taskId, OrchestratorJson.Serialize(result), 1);

    public TaskFailed Failed(int taskId, string message, string type = "System.InvalidOperationException") =>
        new(-1, _now, taskId, new FailureDetails(type, message), 1);

    public TimerFired Fired(int timerId) => new(-1, _now, _now, timerId);

    public EventRaised Raised(string name, object? payload) => new(-1, _now, name, OrchestratorJson.Serialize(payload));

    private WorkflowExecutor NewExecutor() => new("inst-1", _runner(), NullLogger.Instance);
}
