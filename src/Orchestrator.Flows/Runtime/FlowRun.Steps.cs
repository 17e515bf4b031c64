using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Agents;
using Orchestrator.Agents.Approvals;
using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>The nodes that do I/O or wait: each is one or more checkpointed steps of the instance.</summary>
internal sealed partial class FlowRun
{
    private async Task<NodeResult> RunDelayAsync(FlowActivity node, FlowPath path)
    {
        var delay = FlowValues.AsTimeSpan(Evaluate(node, "timeSpan"))
            ?? throw new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) has no valid delay; set 'timeSpan' (for example 00:05:00).") { NodeId = node.Id };
        _status.SetInput(node.Id, new JsonObject { ["timeSpan"] = delay.ToString("c", CultureInfo.InvariantCulture) });
        _status.Flush(force: true);
        await _ctx.CreateTimerAsync(delay, path.Token);
        return NodeResult.Done;
    }

    private async Task<NodeResult> RunEventAsync(FlowActivity node)
    {
        var name = EvaluateText(node, "eventName");
        if (string.IsNullOrEmpty(name))
        {
            throw new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) has no event name.") { NodeId = node.Id };
        }

        if (EventNames.Reserved(name) is { } reserved)
        {
            throw new FlowNodeException($"it cannot wait for this event: {reserved}") { NodeId = node.Id };
        }

        _status.SetInput(node.Id, new JsonObject { ["eventName"] = name });
        _status.Flush(force: true);
        var payload = FlowValues.FromElement(await _ctx.WaitForExternalEventAsync<JsonElement?>(name));
        return NodeResult.WithResult(payload);
    }

    private async Task<NodeResult> RunApprovalAsync(FlowActivity node, FlowPath path)
    {
        var request = new ApprovalRequest
        {
            Title = EvaluateText(node, "title") is { Length: > 0 } title ? title : node.DisplayName,
            Details = EvaluateText(node, "details"),
            Proposed = ToElement(Evaluate(node, "proposed")),
            AssignTo = Strings(Evaluate(node, "assignTo")) is { Count: > 0 } assignees ? assignees : ["role:approver"],
            DueIn = FlowValues.AsTimeSpan(Evaluate(node, "timeout")),
            OnTimeout = Enum.TryParse<ApprovalTimeoutAction>(EvaluateText(node, "onTimeout"), ignoreCase: true, out var onTimeout) ? onTimeout : ApprovalTimeoutAction.Reject,
            EscalateTo = Strings(Evaluate(node, "escalateTo")) is { Count: > 0 } escalate ? escalate : null,
            Context = new { flow = _program.Document.DefinitionId, flowName = FlowName, node = node.Id, nodeName = node.DisplayName },
        };
        var decision = await RequestApprovalAsync(node, path, request);
        var output = DecisionJson(decision);
        var outcome = decision.TimedOut && Graph.HasPort(node.Id, FlowOutcomes.TimedOut)
            ? FlowOutcomes.TimedOut
            : decision.Approved ? FlowOutcomes.Approved : FlowOutcomes.Rejected;
        return new NodeResult([outcome], output) { Outputs = new Dictionary<string, JsonNode?> { ["decision"] = output, ["result"] = output } };
    }

    private async Task<NodeResult> RunTaskAsync(FlowActivity node, FlowPath path)
    {
        var payload = Evaluate(node, "payload");
        var request = new ApprovalRequest
        {
            Title = EvaluateText(node, "taskName") is { Length: > 0 } name ? name : node.DisplayName,
            Details = EvaluateText(node, "description"),
            Proposed = ToElement(payload),
            AssignTo = Strings(Evaluate(node, "assignTo")) is { Count: > 0 } assignees ? assignees : ["role:approver"],
            Context = new { flow = _program.Document.DefinitionId, flowName = FlowName, node = node.Id, nodeName = node.DisplayName },
        };
        var decision = await RequestApprovalAsync(node, path, request);
        var result = FlowValues.FromElement(decision.Edits) ?? payload?.DeepClone();
        var output = new JsonObject { ["taskId"] = decision.TaskId, ["result"] = result, ["decision"] = DecisionJson(decision) };
        return new NodeResult([FlowOutcomes.Done], output)
        {
            Outputs = new Dictionary<string, JsonNode?> { ["taskId"] = JsonValue.Create(decision.TaskId), ["result"] = result?.DeepClone() },
        };
    }

    private Task<ApprovalDecision> RequestApprovalAsync(FlowActivity node, FlowPath path, ApprovalRequest request)
    {
        _status.SetInput(node.Id, new JsonObject { ["title"] = request.Title, ["assignTo"] = new JsonArray([.. request.AssignTo.Select(a => JsonValue.Create(a))]) });
        return _ctx.RequestApprovalAsync(request, waitingFor =>
        {
            if (waitingFor is not null)
            {
                path.WaitingFor = waitingFor;
                _status.Waiting(waitingFor);
            }
            else if (path.WaitingFor is { } waiting)
            {
                path.WaitingFor = null;
                _status.DoneWaiting(waiting);
            }

            _status.Flush(force: true);
        });
    }

    private async Task<NodeResult> RunHttpAsync(FlowActivity node, NodePolicy policy)
    {
        var url = EvaluateText(node, "url");
        if (string.IsNullOrWhiteSpace(url))
        {
            throw new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) has no URL.") { NodeId = node.Id };
        }

        var headers = Evaluate(node, "requestHeaders") is JsonObject h
            ? h.ToDictionary(p => p.Key, p => FlowValues.ToText(p.Value), StringComparer.OrdinalIgnoreCase)
            : null;
        var content = Evaluate(node, "content");
        var request = new FlowHttpRequest(
            node.Id, url, EvaluateText(node, "method") ?? "GET", content is null ? null : FlowValues.ToText(content),
            EvaluateText(node, "contentType"), EvaluateText(node, "authorization"), headers);
        _status.SetInput(node.Id, new JsonObject { ["method"] = request.Method, ["url"] = request.Url });
        _status.Flush();
        var response = await _ctx.CallActivityAsync<FlowHttpResponse>(FlowHttpActivity.Name, request, policy.Retry);
        var parsed = FlowValues.FromElement(response.ParsedContent);
        var output = new JsonObject
        {
            ["statusCode"] = response.StatusCode,
            ["parsedContent"] = parsed?.DeepClone(),
            ["responseHeaders"] = new JsonObject([.. response.Headers.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))]),
        };
        var outputs = new Dictionary<string, JsonNode?>
        {
            ["statusCode"] = JsonValue.Create(response.StatusCode),
            ["parsedContent"] = parsed?.DeepClone(),
            ["responseHeaders"] = output["responseHeaders"]!.DeepClone(),
            ["result"] = parsed?.DeepClone(),
        };
        if (response.Failure is { } failure)
        {
            if (Graph.HasPort(node.Id, failure))
            {
                output["error"] = response.Error;
                return new NodeResult([failure], output) { Outputs = outputs };
            }

            throw new FlowNodeException(response.Error ?? failure) { NodeId = node.Id };
        }

        var outcomes = StatusOutcomes(node, response.StatusCode!.Value, Strings(Evaluate(node, "expectedStatusCodes")));
        return new NodeResult(outcomes, output) { Outputs = outputs };
    }

    /// <summary>
    /// Where an answer goes: a code listed in <c>expectedStatusCodes</c> to its own port (and to <c>Done</c> too when it
    /// is a success, 2xx); any other success to <c>Done</c> when no codes are listed; everything else to
    /// <c>Unmatched status code</c>. <c>Done</c> therefore always means the call succeeded. An answer that goes to
    /// <c>Unmatched status code</c> when that port is not connected fails the node (its <c>Failed</c> port, or the
    /// instance), so a refused call is never taken for a done one.
    /// </summary>
    private List<string> StatusOutcomes(FlowActivity node, int status, List<string> expected)
    {
        var code = status.ToString(CultureInfo.InvariantCulture);
        var success = status is >= 200 and <= 299;
        List<string> outcomes = expected.Contains(code) ? (success ? [code, FlowOutcomes.Done] : [code])
            : expected.Count == 0 && success ? [FlowOutcomes.Done]
            : [FlowOutcomes.UnmatchedStatusCode];
        if (outcomes[0] == FlowOutcomes.UnmatchedStatusCode && !Graph.HasPort(node.Id, FlowOutcomes.UnmatchedStatusCode))
        {
            var wanted = expected.Count == 0 ? "a success (2xx)" : $"one of the expected status codes ({string.Join(", ", expected)})";
            throw new FlowNodeException(
                $"the server answered {code}, which is not {wanted}; connect the node's '{FlowOutcomes.UnmatchedStatusCode}' port to handle it.")
            { NodeId = node.Id };
        }

        return outcomes;
    }

    private async Task<NodeResult> RunAgentAsync(FlowActivity node)
    {
        AgentDefinition agent;
        if (EvaluateText(node, "agent") is { Length: > 0 } registered)
        {
            _status.Flush();
            agent = await _ctx.CallActivityAsync<AgentDefinition>(ResolveAgentActivity.Name, registered);
        }
        else
        {
            var instructions = EvaluateText(node, "instructions");
            if (string.IsNullOrWhiteSpace(instructions))
            {
                throw new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) names no agent and has no instructions.") { NodeId = node.Id };
            }

            agent = new AgentDefinition
            {
                Name = AgentName(node),
                Instructions = instructions,
                Model = EvaluateText(node, "model") is { Length: > 0 } model ? model : null,
                Tools = Strings(Evaluate(node, "tools")),
                Limits = new AgentLimits { MaxTurns = (int)(FlowValues.AsDouble(Evaluate(node, "maxTurns")) ?? 10) },
            };
        }

        if (ToElement(Evaluate(node, "outputSchema")) is { ValueKind: JsonValueKind.Object } schema)
        {
            agent = agent with { OutputSchema = schema };
        }

        var prompt = EvaluateText(node, "prompt") ?? _scope.Input.ToJsonString();
        _status.SetInput(node.Id, new JsonObject { ["agent"] = agent.Name, ["prompt"] = prompt });
        _status.Flush();
        var result = await _ctx.RunAgentAsync(agent, prompt);
        var usage = Usage(result.Usage, result.CostUsd);
        if (result.Status != AgentRunStatus.Completed)
        {
            throw new FlowNodeException($"the agent '{agent.Name}' stopped without an answer: {result.Reason}") { NodeId = node.Id };
        }

        var answer = FlowValues.FromElement(result.StructuredOutput) ?? JsonValue.Create(result.Output ?? string.Empty);
        return NodeResult.WithResult(answer) with { Usage = usage };
    }

    private async Task<NodeResult> RunModelAsync(FlowActivity node, NodePolicy policy)
    {
        var prompt = EvaluateText(node, "prompt") ?? string.Empty;
        var system = EvaluateText(node, "system");
        var schema = ToElement(Evaluate(node, "outputSchema")) is { ValueKind: JsonValueKind.Object } s ? s : (JsonElement?)null;
        var temperature = FlowValues.AsDouble(Evaluate(node, "temperature"));
        var model = EvaluateText(node, "model") is { Length: > 0 } m && m != "default" ? m : null;
        List<ModelMessage> messages = string.IsNullOrWhiteSpace(system) ? [ModelMessage.User(prompt)] : [ModelMessage.System(system), ModelMessage.User(prompt)];
        _status.SetInput(node.Id, new JsonObject { ["model"] = model ?? "default", ["prompt"] = prompt });
        _status.Flush();
        var response = await _ctx.CallModelAsync(
            new ModelRequest
            {
                Model = model,
                Messages = messages,
                Temperature = temperature is { } t ? (float)t : null,
                ResponseSchema = schema,
                ResponseSchemaName = schema is null ? null : "result",
            },
            policy.Retry);
        var text = response.Message.Content ?? string.Empty;
        JsonNode? answer = JsonValue.Create(text);
        if (schema is not null && !(FlowValues.TryParse(text, out answer) && answer is not null))
        {
            throw new FlowNodeException($"the model's answer is not the JSON its output schema asks for: {Truncate(text)}") { NodeId = node.Id };
        }

        return NodeResult.WithResult(answer) with { Usage = Usage(response.Usage, response.CostUsd) };
    }

    private async Task<NodeResult> RunToolAsync(FlowActivity node, NodePolicy policy)
    {
        var tool = EvaluateText(node, "tool");
        if (string.IsNullOrWhiteSpace(tool))
        {
            throw new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) names no tool.") { NodeId = node.Id };
        }

        var arguments = Evaluate(node, "arguments");
        _status.SetInput(node.Id, new JsonObject { ["tool"] = tool, ["arguments"] = arguments });
        _status.Flush();
        try
        {
            var result = await _ctx.CallToolAsync(tool, arguments, policy.Retry);
            return NodeResult.WithResult(FlowValues.FromElement(result));
        }
        catch (WorkflowTaskFailedException ex) when (ex.Failure.IsCausedBy(nameof(ToolEgressDeniedException)) && Graph.HasPort(node.Id, FlowOutcomes.Denied))
        {
            var error = new JsonObject { ["message"] = ex.Failure.ErrorMessage };
            _status.Set(node.Id, FlowNodeStates.Failed, ex.Failure.ErrorMessage);
            return new NodeResult([FlowOutcomes.Denied], error) { Outputs = new Dictionary<string, JsonNode?> { ["error"] = error } };
        }
    }

    private async Task<NodeResult> RunSubWorkflowAsync(FlowActivity node, string nameInput)
    {
        var workflow = EvaluateText(node, nameInput);
        if (string.IsNullOrWhiteSpace(workflow))
        {
            throw new FlowNodeException($"Node '{node.DisplayName}' ({node.Id}) names no workflow to run.") { NodeId = node.Id };
        }

        var version = FlowValues.AsDouble(Evaluate(node, "version")) is { } v && v >= 1 ? ((int)v).ToString(CultureInfo.InvariantCulture) : null;
        var input = Evaluate(node, "input");
        var wait = node.Type != FlowActivityTypes.ExecuteWorkflow || FlowValues.AsBoolean(Evaluate(node, "waitForCompletion")) != false;
        _status.SetInput(node.Id, new JsonObject { ["workflow"] = workflow, ["version"] = version, ["input"] = input, ["waitForCompletion"] = wait });
        _status.Flush();
        if (!wait)
        {
            // Started, not awaited: the new instance runs on its own (tagged with this one as its parent).
            var request = new FlowStartWorkflowRequest(
                node.Id, workflow, version, input?.ToJsonString(), StartedInstanceId(node, _ctx.NewGuid()), _ctx.StartedBy, _ctx.InstanceId);
            var instanceId = await _ctx.CallActivityAsync<string>(FlowStartWorkflowActivity.Name, request);
            return NodeResult.WithResult(new JsonObject { ["instanceId"] = instanceId });
        }

        var result = await _ctx.CallSubWorkflowAsync<JsonElement?>(workflow, input, new SubWorkflowOptions { Version = version });
        return NodeResult.WithResult(FlowValues.FromElement(result));
    }

    private string AgentName(FlowActivity node)
    {
        var name = node.Name is { Length: > 0 } n ? n : node.Id;
        return $"{_program.Document.DefinitionId}.{name}";
    }

    private static JsonObject DecisionJson(ApprovalDecision decision) => new()
    {
        ["approved"] = decision.Approved,
        ["by"] = decision.DecidedBy,
        ["at"] = decision.DecidedAt.ToString("O", CultureInfo.InvariantCulture),
        ["comment"] = decision.Comment,
        ["edits"] = FlowValues.FromElement(decision.Edits),
        ["timedOut"] = decision.TimedOut,
        ["taskId"] = decision.TaskId,
    };

    private static JsonObject Usage(TokenUsage usage, decimal cost) => new()
    {
        ["inputTokens"] = usage.InputTokens,
        ["outputTokens"] = usage.OutputTokens,
        ["costUsd"] = cost,
    };

    private static JsonElement? ToElement(JsonNode? node) =>
        node is null ? null : JsonSerializer.SerializeToElement(node);

    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray a => [.. a.Select(FlowValues.ToText).Where(s => s.Length > 0)],
        JsonValue v when FlowValues.Text(v) is { Length: > 0 } text =>
            [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        JsonValue v => [v.ToJsonString()],
        _ => [],
    };

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>
    /// The id of an instance an <c>Elsa.ExecuteWorkflow</c> node starts without waiting: <c>&lt;instance&gt;:&lt;node&gt;:&lt;guid&gt;</c>
    /// (characters an id may not hold replaced by '-'), or the bare guid when that would be longer than an id may be; the
    /// <c>parent</c> tag links the two either way.
    /// </summary>
    private string StartedInstanceId(FlowActivity node, Guid guid)
    {
        var nodePart = string.Concat(node.Id.Select(c => char.IsLetterOrDigit(c) || Identifiers.Punctuation.Contains(c, StringComparison.Ordinal) ? c : '-'));
        var id = $"{_ctx.InstanceId}:{nodePart}:{guid:N}";
        return id.Length <= Identifiers.MaxLength ? id : guid.ToString("N");
    }
}
