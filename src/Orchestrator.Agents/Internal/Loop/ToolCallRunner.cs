using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Agents.Approvals;
using Orchestrator.Agents.Models;
using Orchestrator.Core;
using Orchestrator.Core.Governance;

namespace Orchestrator.Agents.Internal.Loop;

/// <summary>
/// Runs one tool call the model asked for and turns every outcome into a tool result for the model: unknown tools,
/// malformed arguments, rejections and tool errors go back as (bounded) text instead of failing the run. An approval
/// carries the tool's argument schema, so the approver edits the proposed call in a form made from it. Calls arrive
/// named as registered (the model call maps the provider's spelling back), so that is the name every step, approval
/// and audit record shows.
/// </summary>
internal sealed class ToolCallRunner(WorkflowContext ctx, AgentDefinition agent, AgentCatalog agents, IReadOnlyList<ModelToolSpec> specs)
{
    public async Task<string> RunAsync(ModelToolCall call)
    {
        if (Resolve(call.Name) is not { } tool)
        {
            Policy(AuditActions.PolicyDeny, call.Name, "not one of the agent's tools");
            return Error($"Unknown tool '{call.Name}'. Available tools: {string.Join(", ", agent.Tools)}.");
        }

        JsonObject arguments;
        try
        {
            arguments = JsonNode.Parse(string.IsNullOrWhiteSpace(call.ArgumentsJson) ? "{}" : call.ArgumentsJson) as JsonObject
                ?? throw new JsonException("the arguments must be a JSON object");
        }
        catch (JsonException ex)
        {
            return Error($"The arguments for '{tool}' are not valid JSON ({ex.Message}). Call the tool again with a JSON object.");
        }

        if (await NeedsApprovalAsync(tool, arguments) is not { } rule)
        {
            Policy(AuditActions.PolicyAllow, tool, agent.Approvals.TryGetValue(tool, out var unmet) && unmet.Mode == ApprovalMode.When
                ? "approval condition not met: " + unmet.Condition
                : "no approval needed");
        }
        else
        {
            Policy(AuditActions.PolicyApproval, tool, RuleText(rule));
            var decision = await ctx.RequestApprovalAsync(new ApprovalRequest
            {
                Title = $"{agent.Name} wants to call {tool}",
                Details = Describe(tool, arguments),
                Proposed = arguments,
                ProposedSchema = specs.FirstOrDefault(s => s.Name == tool || s.Name == call.Name)?.Parameters,
                AssignTo = rule.AssignTo,
                DueIn = rule.DueIn,
                OnTimeout = rule.OnTimeout,
                EscalateTo = rule.EscalateTo,
                Context = new { agent = agent.Name, tool, toolCallId = call.Id },
            });
            if (!decision.Approved)
            {
                Policy(AuditActions.PolicyDeny, tool, decision.TimedOut ? "no approval before the due time" : "approval rejected by " + decision.DecidedBy);
                return Error($"A person did not approve this call ({decision.DecidedBy}{(decision.Comment is null ? string.Empty : ": " + decision.Comment)}). It was not made.");
            }

            Policy(AuditActions.PolicyAllow, tool, "approved by " + decision.DecidedBy);
            if (decision.Edits is { ValueKind: JsonValueKind.Object } edits)
            {
                foreach (var edit in edits.EnumerateObject())
                {
                    arguments[edit.Name] = JsonNode.Parse(edit.Value.GetRawText());
                }
            }
        }

        try
        {
            if (tool.StartsWith(AgentWorkflow.HandOffPrefix, StringComparison.Ordinal))
            {
                var other = agents.Find(tool[AgentWorkflow.HandOffPrefix.Length..])!;
                var result = await ctx.RunAgentAsync(other, arguments["input"]?.ToString() ?? arguments.ToJsonString());
                return result.Status == AgentRunStatus.Completed
                    ? result.StructuredOutput?.GetRawText() ?? result.Output ?? string.Empty
                    : Error($"The agent '{other.Name}' stopped: {result.Reason} Its last answer: {result.Output}");
            }

            var output = await ctx.CallToolAsync(tool, arguments);
            return output.GetRawText();
        }
        catch (WorkflowTaskFailedException ex)
        {
            return Error($"The tool '{tool}' failed: {(ex.Failure.InnerFailure ?? ex.Failure).ErrorMessage}");
        }
    }

    /// <summary>The agent's tool a call names, or null when it names none of them.</summary>
    /// <remarks>
    /// Histories recorded before the model call mapped names back hold the provider's spelling (<c>billing_refund</c>,
    /// each refused character as <c>_</c>); such a name still resolves when exactly one tool is spelled that way, so
    /// those instances replay the calls they made.
    /// </remarks>
    private string? Resolve(string name)
    {
        if (agent.Tools.Contains(name, StringComparer.Ordinal))
        {
            return name;
        }

        var spelled = agent.Tools.Where(t => LegacySpelling(t) == name).Distinct(StringComparer.Ordinal).ToList();
        return spelled.Count == 1 ? spelled[0] : null;
    }

    private static string LegacySpelling(string tool) => string.Concat(tool.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' ? c : '_'));

    private async Task<ToolApprovalRule?> NeedsApprovalAsync(string tool, JsonObject arguments)
    {
        if (!agent.Approvals.TryGetValue(tool, out var rule) || rule.Mode == ApprovalMode.Never)
        {
            return null;
        }

        if (rule.Mode == ApprovalMode.Always || string.IsNullOrWhiteSpace(rule.Condition))
        {
            return rule;
        }

        var holds = await ctx.CallActivityAsync<bool>(
            Internal.Approvals.ApprovalActivityNames.EvaluateRule, new ApprovalRuleInput(tool, rule.Condition, arguments.ToJsonString()));
        return holds ? rule : null;
    }

    /// <summary>Records a policy decision on a tool call as the agent acting for its person (once, not on replay).</summary>
    private void Policy(string action, string tool, string rule) =>
        ctx.RecordAudit(action, action == AuditActions.PolicyDeny ? AuditOutcomes.Denied : AuditOutcomes.Ok, details: new { tool, rule });

    private static string RuleText(ToolApprovalRule rule) =>
        rule.Mode == ApprovalMode.When && !string.IsNullOrWhiteSpace(rule.Condition) ? "approval required when " + rule.Condition : "approval always required";

    private string Error(string message)
    {
        var limit = agent.Limits.MaxToolErrorLength;
        var text = message.Length <= limit ? message : message[..limit] + "…";
        return JsonSerializer.Serialize(new { error = text }, OrchestratorJson.Options);
    }

    private static string Describe(string tool, JsonObject arguments)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"The agent proposes to call **{tool}** with:\n\n| argument | value |\n| --- | --- |\n");
        foreach (var (name, value) in arguments)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {value?.ToJsonString()} |\n");
        }

        return text.ToString();
    }
}
