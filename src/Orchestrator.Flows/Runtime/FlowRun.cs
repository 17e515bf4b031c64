using System.Text.Json.Nodes;
using Orchestrator.Agents.Approvals;
using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// One instance's run of a flow: tokens (paths) move from node to node along the connections of the outcomes each node
/// ends with. Paths run concurrently on the workflow's single scheduler, so a fork's branches have their steps in flight
/// together; everything a path decides comes from the flow, the input and recorded step results, so replay follows the
/// same paths and never repeats a completed step.
/// </summary>
internal sealed partial class FlowRun
{
    private readonly FlowProgram _program;
    private readonly WorkflowContext _ctx;
    private readonly FlowScope _scope;
    private readonly FlowStatus _status;
    private readonly JsonObject _outputs = [];
    private readonly Dictionary<string, JoinState> _joins = new(StringComparer.Ordinal);
    private readonly List<FlowPath> _active = [];
    private readonly TaskCompletionSource _done = new();
    private readonly List<Task> _withdrawals = [];
    private bool _spawning;
    private bool _finished;
    private int _stepsWithoutWaiting;

    public FlowRun(FlowProgram program, WorkflowContext context, JsonObject input)
    {
        _program = program;
        _ctx = context;
        var doc = program.Document;
        _scope = new FlowScope(doc.AllVariables, input, context.InstanceId, doc.DefinitionId);
        _status = new FlowStatus(context, doc.DefinitionId, FlowName, doc.Version);
    }

    private FlowGraph Graph => _program.Graph;

    /// <summary>What people read the flow as: its name (the id when it has none); the id stays the workflow's name.</summary>
    private string FlowName => string.IsNullOrWhiteSpace(_program.Document.Name) ? _program.Document.DefinitionId : _program.Document.Name;

    public async Task<JsonObject> RunAsync()
    {
        if (Graph.Starts.Count == 0)
        {
            throw new FlowNodeException($"The flow '{_program.Document.DefinitionId}' has no node to start from; add an Elsa.Start node.") { Fatal = true };
        }

        _spawning = true;
        foreach (var start in Graph.Starts)
        {
            Spawn(start, null);
        }

        _spawning = false;
        CompleteWhenIdle();
        try
        {
            await _done.Task;
        }
        finally
        {
            foreach (var path in _active.ToList())
            {
                Cancel(path);
            }

            _status.Flush(force: true);
        }

        await Task.WhenAll(_withdrawals);
        return _outputs;
    }

    /// <summary>
    /// Stops a path that a WaitAny join or a Finish made pointless. The person's task it waits for is withdrawn (a
    /// checkpointed step, awaited before the flow ends), so it leaves the inbox and cannot be decided any more.
    /// </summary>
    private void Cancel(FlowPath path)
    {
        if (path.Abandoned)
        {
            return;
        }

        path.Abandon();
        _status.Set(path.Current, FlowNodeStates.Cancelled);
        if (path.WaitingFor is { } waitingFor)
        {
            path.WaitingFor = null;
            _status.DoneWaiting(waitingFor);
            if (HumanTask.TaskIdOf(waitingFor) is { } taskId)
            {
                _withdrawals.Add(_ctx.WithdrawApprovalAsync(taskId));
            }
        }
    }


    private void Spawn(string nodeId, string? from)
    {
        var path = new FlowPath(nodeId);
        _active.Add(path);
        _ = RunPathAsync(path, from);
    }

    private async Task RunPathAsync(FlowPath path, string? from)
    {
        var previous = from;
        try
        {
            while (!path.Abandoned && !_finished)
            {
                var node = Graph.Node(path.Current);
                CountStep(node);
                NodeResult result;
                if (node.Type == FlowActivityTypes.FlowJoin)
                {
                    if (!Arrive(node, previous ?? string.Empty, path))
                    {
                        break;
                    }

                    _status.Set(node.Id, FlowNodeStates.Done);
                    result = NodeResult.Done;
                }
                else
                {
                    result = await RunNodeAsync(node, path);
                }

                if (path.Abandoned || _finished)
                {
                    break;
                }

                var next = NextNode(node.Id, result.Outcomes);
                if (next is null)
                {
                    break;
                }

                previous = node.Id;
                path.Current = next;
            }
        }
        catch (Exception) when (path.Abandoned || _finished)
        {
            // A path a join or a Finish has ended: whatever its step did after that does not count.
        }
        catch (Exception ex)
        {
            _done.TrySetException(ex is FlowNodeException ? ex : new FlowNodeException($"Node '{path.Current}' failed: {ex.Message}", ex) { NodeId = path.Current });
        }
        finally
        {
            EndPath(path);
        }
    }

    /// <summary>
    /// Where the path goes after a node: the first target of its outcomes, or null when none is connected; every other
    /// target gets a path of its own.
    /// </summary>
    private string? NextNode(string nodeId, IReadOnlyList<string> outcomes)
    {
        string? next = null;
        foreach (var outcome in outcomes)
        {
            foreach (var connection in Graph.Targets(nodeId, outcome))
            {
                if (next is null)
                {
                    next = connection.Target;
                }
                else
                {
                    Spawn(connection.Target, nodeId);
                }
            }
        }

        return next;
    }

    private async Task<NodeResult> RunNodeAsync(FlowActivity node, FlowPath path)
    {
        _scope.Now = _ctx.CurrentUtcDateTime;
        var policy = _program.PolicyOf(node);
        _status.Set(node.Id, StateWhileRunning(node.Type));
        NodeResult result;
        try
        {
            var work = ExecuteAsync(node, path, policy);
            result = policy.Timeout is { } timeout ? await WithTimeoutAsync(work, timeout, node) : await work;
            RefuseOversizedOutput(node, result);
        }
        catch (FlowNodeException ex) when (ex.Fatal)
        {
            _status.Set(node.Id, FlowNodeStates.Failed, ex.Message);
            throw;
        }
        catch (Exception ex) when (!path.Abandoned && !_finished)
        {
            var message = $"Node '{node.DisplayName}' ({node.Id}) failed: {Reason(ex)}";
            _status.Set(node.Id, FlowNodeStates.Failed, message);
            if (Graph.HasPort(node.Id, FlowOutcomes.Failed))
            {
                var error = new JsonObject { ["message"] = message };
                _scope.Outputs[node.Id] = error;
                return new NodeResult([FlowOutcomes.Failed], error) { Outputs = new Dictionary<string, JsonNode?> { ["error"] = error } };
            }

            throw new FlowNodeException(message, ex) { NodeId = node.Id, Fatal = true };
        }

        foreach (var (name, value) in result.Outputs)
        {
            if (node.OutputVariable(name) is { } variable)
            {
                _scope.SetBound(variable, value?.DeepClone());
            }
        }

        _scope.Outputs[node.Id] = result.Output?.DeepClone();
        _status.SetOutput(node.Id, result.Output);
        _status.SetUsage(node.Id, result.Usage);
        _status.Set(node.Id, FlowNodeStates.Done);
        return result;
    }

    private async Task<NodeResult> WithTimeoutAsync(Task<NodeResult> work, TimeSpan timeout, FlowActivity node)
    {
        using var cancel = new CancellationTokenSource();
        var timer = _ctx.CreateTimerAsync(timeout, cancel.Token);
        if (await Task.WhenAny(work, timer) == work)
        {
#pragma warning disable CA1849 // Cancelling the durable timer must happen now, on the workflow thread.
            cancel.Cancel();
#pragma warning restore CA1849
            return await work;
        }

        throw new TimeoutException($"it did not finish within its time limit of {timeout} (customProperties.timeout of '{node.Id}').");
    }

    /// <summary>Lets a token through a join, or ends its path there; true when the path goes on past the join.</summary>
    private bool Arrive(FlowActivity join, string from, FlowPath path)
    {
        _scope.Now = _ctx.CurrentUtcDateTime;
        var mode = FlowValues.ToText(Evaluate(join, "mode"));
        if (!_joins.TryGetValue(join.Id, out var state))
        {
            state = new JoinState();
            _joins[join.Id] = state;
        }

        state.Arrived.Add(from);
        switch (mode)
        {
            case FlowJoinModes.WaitAll:
                if (Graph.Inbound(join.Id).Select(c => c.Source).Distinct(StringComparer.Ordinal).All(state.Arrived.Contains))
                {
                    state.Reset();
                    return true;
                }

                _status.Set(join.Id, FlowNodeStates.Waiting);
                _status.Flush(force: true);
                return false;
            case FlowJoinModes.WaitAllActive:
                if (_active.Any(p => p != path && !p.Abandoned && Graph.CanReach(p.Current, join.Id)))
                {
                    _status.Set(join.Id, FlowNodeStates.Waiting);
                    return false;
                }

                state.Reset();
                return true;
            default:
                // WaitAny: the first token goes on; the branches still on their way to this join are cancelled.
                foreach (var other in _active.Where(p => p != path && !p.Abandoned && Graph.CanReach(p.Current, join.Id)).ToList())
                {
                    Cancel(other);
                    EndPath(other);
                }

                state.Reset();
                return true;
        }
    }

    private void EndPath(FlowPath path)
    {
        if (!_active.Remove(path))
        {
            return;
        }

        path.Dispose();

        if (!_finished)
        {
            ReleaseWaitingJoins();
        }

        CompleteWhenIdle();
    }

    /// <summary>A WaitAllActive join whose remaining branches all ended elsewhere lets its collected tokens through.</summary>
    private void ReleaseWaitingJoins()
    {
        foreach (var (joinId, state) in _joins)
        {
            if (state.Arrived.Count > 0
                && FlowValues.ToText(Evaluate(Graph.Node(joinId), "mode")) == FlowJoinModes.WaitAllActive
                && !_active.Any(p => !p.Abandoned && Graph.CanReach(p.Current, joinId)))
            {
                state.Reset();
                _status.Set(joinId, FlowNodeStates.Done);
                foreach (var next in Graph.Targets(joinId, FlowOutcomes.Done))
                {
                    Spawn(next.Target, joinId);
                }

                return;
            }
        }
    }

    private void CompleteWhenIdle()
    {
        if (!_spawning && _active.Count == 0)
        {
            _done.TrySetResult();
        }
    }

    private void Finish()
    {
        _finished = true;
        _done.TrySetResult();
    }

    private JsonNode? Evaluate(FlowActivity node, string input) =>
        _program.Expressions.Evaluate(_program.InputOf(node, input), _scope, node.Id, input);

    private string? EvaluateText(FlowActivity node, string input) =>
        Evaluate(node, input) is { } value ? FlowValues.ToText(value) : null;

    private static string StateWhileRunning(string type) => type switch
    {
        FlowActivityTypes.Delay or FlowActivityTypes.Event => FlowNodeStates.Waiting,
        FlowActivityTypes.Approval or FlowActivityTypes.RunTask => FlowNodeStates.Person,
        _ => FlowNodeStates.Running,
    };

    private static string Reason(Exception ex) => ex switch
    {
        WorkflowTaskFailedException failed => failed.Failure.ErrorMessage,
        _ => ex.Message,
    };
}
