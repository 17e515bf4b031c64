using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>The nodes that decide and compute without leaving the workflow: they add nothing to history.</summary>
internal sealed partial class FlowRun
{
    private Task<NodeResult> ExecuteAsync(FlowActivity node, FlowPath path, NodePolicy policy) => node.Type switch
    {
        FlowActivityTypes.Start => Task.FromResult(NodeResult.Done),
        FlowActivityTypes.End => Task.FromResult(NodeResult.None),
        FlowActivityTypes.Finish => Task.FromResult(RunFinish()),
        FlowActivityTypes.WriteLine => Task.FromResult(RunWriteLine(node)),
        FlowActivityTypes.SetVariable => Task.FromResult(RunSetVariable(node)),
        FlowActivityTypes.SetOutput => Task.FromResult(RunSetOutput(node)),
        FlowActivityTypes.FlowDecision => Task.FromResult(RunDecision(node)),
        FlowActivityTypes.FlowSwitch => Task.FromResult(RunSwitch(node)),
        FlowActivityTypes.FlowFork => Task.FromResult(RunFork(node)),
        FlowActivityTypes.Fault => throw RunFault(node),
        FlowActivityTypes.Delay => RunDelayAsync(node, path),
        FlowActivityTypes.Event => RunEventAsync(node),
        FlowActivityTypes.Approval => RunApprovalAsync(node, path),
        FlowActivityTypes.RunTask => RunTaskAsync(node, path),
        FlowActivityTypes.FlowSendHttpRequest => RunHttpAsync(node, policy),
        FlowActivityTypes.Agent => RunAgentAsync(node),
        FlowActivityTypes.Model => RunModelAsync(node, policy),
        FlowActivityTypes.Tool => RunToolAsync(node, policy),
        FlowActivityTypes.SubWorkflow => RunSubWorkflowAsync(node, "workflow"),
        FlowActivityTypes.ExecuteWorkflow => RunSubWorkflowAsync(node, "workflowDefinitionId"),
        _ => throw new FlowNodeException(
            $"Node '{node.DisplayName}' ({node.Id}) has the activity type '{node.Type}', which this runtime does not run.")
        { NodeId = node.Id, Fatal = true },
    };

    private NodeResult RunFinish()
    {
        Finish();
        return NodeResult.None;
    }

    private NodeResult RunWriteLine(FlowActivity node)
    {
        var text = EvaluateText(node, "text") ?? string.Empty;
        _ctx.Logger.LogInformation("Flow {Flow} node {Node}: {Text}", _program.Document.DefinitionId, node.Id, text);
        return new NodeResult([FlowOutcomes.Done], JsonValue.Create(text));
    }

    private NodeResult RunSetVariable(FlowActivity node)
    {
        var reference = node.Property("variable");
        var idOrName = reference switch
        {
            JsonObject o => FlowValues.Text(o.Find("id")) ?? FlowValues.Text(o.Find("name")),
            JsonValue v => FlowValues.Text(v),
            _ => null,
        };
        var name = (idOrName is null ? null : _scope.Resolve(idOrName))
            ?? (reference is JsonObject named && FlowValues.Text(named.Find("name")) is { } n ? _scope.Resolve(n) : null)
            ?? throw new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) sets the variable '{idOrName}', which the flow does not declare.") { NodeId = node.Id };
        var value = Evaluate(node, "value");
        _scope.Set(name, value);
        var stored = _scope.Get(name);
        return new NodeResult([FlowOutcomes.Done], new JsonObject { [name] = stored?.DeepClone() });
    }

    private NodeResult RunSetOutput(FlowActivity node)
    {
        var name = EvaluateText(node, "outputName");
        if (string.IsNullOrEmpty(name))
        {
            throw new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) has no output name.") { NodeId = node.Id };
        }

        var value = Evaluate(node, "outputValue");
        var had = _outputs.Remove(name, out var previous);
        _outputs[name] = value?.DeepClone();
        if (JsonSize.Of(_outputs, _program.MaxOutputBytes) > _program.MaxOutputBytes)
        {
            _outputs.Remove(name);
            if (had)
            {
                _outputs[name] = previous;
            }

            throw new FlowNodeException(
                $"the flow's output would be larger than {_program.MaxOutputBytes:N0} bytes, the limit ({FlowOptions.MaxNodeOutputBytesKey}); set smaller outputs.")
            { NodeId = node.Id };
        }

        return new NodeResult([FlowOutcomes.Done], new JsonObject { [name] = value?.DeepClone() });
    }

    private NodeResult RunDecision(FlowActivity node)
    {
        var result = FlowValues.IsTrue(Evaluate(node, "condition"));
        return new NodeResult([result ? FlowOutcomes.True : FlowOutcomes.False], JsonValue.Create(result));
    }

    private NodeResult RunSwitch(FlowActivity node)
    {
        var cases = node.Property("cases") switch
        {
            JsonArray a => a,
            JsonObject o when o.Find("expression") is JsonObject e && FlowValues.Text(e.Find("value")) is { } text
                && FlowValues.TryParse(text, out var parsed) && parsed is JsonArray array => array,
            _ => [],
        };
        var mode = node.Property("mode") is JsonValue raw ? FlowValues.Text(raw) : EvaluateText(node, "mode");
        var matchAny = string.Equals(mode, "MatchAny", StringComparison.OrdinalIgnoreCase);
        var matched = new List<string>();
        foreach (var item in cases.OfType<JsonObject>())
        {
            var label = FlowValues.Text(item.Find("label")) ?? string.Empty;
            if (item.Find("condition") is JsonObject condition && FlowValues.Text(condition.Find("type")) is { } type
                && FlowValues.IsTrue(_program.Expressions.Evaluate(new FlowExpression(type, condition.Find("value")), _scope, node.Id, $"case '{label}'")))
            {
                matched.Add(label);
                if (!matchAny)
                {
                    break;
                }
            }
        }

        var outcomes = matched.Count > 0 ? matched : [FlowOutcomes.Default];
        return new NodeResult(outcomes, new JsonArray([.. outcomes.Select(o => JsonValue.Create(o))]));
    }

    private NodeResult RunFork(FlowActivity node)
    {
        var branches = Evaluate(node, "branches") switch
        {
            JsonArray a => a.Select(FlowValues.ToText).Where(b => b.Length > 0).ToList(),
            JsonValue v when FlowValues.Text(v) is { } text => [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
            _ => [],
        };
        if (branches.Count == 0)
        {
            branches = [.. Graph.ConnectedPorts(node.Id)];
        }

        return new NodeResult(branches, new JsonArray([.. branches.Select(b => JsonValue.Create(b))]));
    }

    private FlowNodeException RunFault(FlowActivity node)
    {
        var code = EvaluateText(node, "code");
        var message = EvaluateText(node, "message") ?? "The flow reached a fault.";
        return new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) faulted{(string.IsNullOrEmpty(code) ? string.Empty : $" with code {code}")}: {message}")
        {
            NodeId = node.Id,
            Fatal = true,
        };
    }
}
