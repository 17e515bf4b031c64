using System.Globalization;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Runtime;

namespace Orchestrator.Flows.Validation;

/// <summary>
/// The per-node rules: the type can run, required inputs are set, fixed values have the right form, and the tools,
/// agents, workflows and variables a node names exist.
/// </summary>
internal static class ActivityRules
{
    private static readonly string[] JoinModes = ["WaitAny", "WaitAll", "WaitAllActive"];
    private static readonly string[] SwitchModes = ["MatchFirst", "MatchAny"];
    private static readonly string[] TimeoutActions = ["Reject", "Approve", "Escalate"];

    public static void Check(ValidationRun run, FlowActivity a)
    {
        if (!FlowActivityTypes.Runnable.Contains(a.Type))
        {
            run.Report(a, FlowProblemCodes.UnknownActivityType, a.Type.Length == 0
                ? "the node has no activity type. Delete it and add the step again from the palette."
                : $"the activity type '{a.Type}' cannot run here. Replace the node with a supported activity or delete it.");
            return;
        }

        switch (a.Type)
        {
            case FlowActivityTypes.WriteLine:
                Require(run, a, "text", "Text", "the text");
                break;
            case FlowActivityTypes.SetVariable:
                CheckSetVariable(run, a);
                break;
            case FlowActivityTypes.SetOutput:
                Require(run, a, "outputName", "Output name", "the output name");
                break;
            case FlowActivityTypes.FlowDecision:
                Require(run, a, "condition", "Condition", "the condition");
                break;
            case FlowActivityTypes.FlowSwitch:
                CheckSwitch(run, a);
                break;
            case FlowActivityTypes.FlowFork:
                var branches = a.Input("branches");
                if (InputValues.IsMissing(branches) || InputValues.StringList(branches) is { Count: 0 })
                {
                    run.Report(a, FlowProblemCodes.MissingInput, "the fork has no branches. Add at least one branch name in 'Branches'.");
                }

                break;
            case FlowActivityTypes.FlowJoin:
                OneOf(run, a, "mode", "Mode", JoinModes);
                break;
            case FlowActivityTypes.Delay:
                if (Require(run, a, "timeSpan", "Duration", "the duration"))
                {
                    Duration(run, a, "timeSpan", "Duration");
                }

                break;
            case FlowActivityTypes.Event:
                if (Require(run, a, "eventName", "Event name", "the event name")
                    && InputValues.LiteralText(a.Input("eventName")) is { } eventName && EventNames.Reserved(eventName) is { } reserved)
                {
                    run.Report(a, FlowProblemCodes.ReservedEventName, $"{reserved} Choose another 'Event name'.");
                }

                break;
            case FlowActivityTypes.RunTask:
                Require(run, a, "taskName", "Task name", "the task name");
                break;
            case FlowActivityTypes.FlowSendHttpRequest:
                CheckHttp(run, a);
                break;
            case FlowActivityTypes.ExecuteWorkflow:
                if (Require(run, a, "workflowDefinitionId", "Workflow", "the workflow to run"))
                {
                    Workflow(run, a, "workflowDefinitionId");
                }

                break;
            case FlowActivityTypes.Agent:
                CheckAgent(run, a);
                break;
            case FlowActivityTypes.Model:
                Require(run, a, "prompt", "Prompt", "the prompt");
                Number(run, a, "temperature", "Temperature", 0, 2);
                break;
            case FlowActivityTypes.Tool:
                if (Require(run, a, "tool", "Tool", "the tool"))
                {
                    Tools(run, a, InputValues.LiteralText(a.Input("tool")) is { } tool ? [tool] : []);
                }

                break;
            case FlowActivityTypes.Approval:
                Require(run, a, "title", "Title", "the title");
                Duration(run, a, "timeout", "Timeout");
                OneOf(run, a, "onTimeout", "On timeout", TimeoutActions);
                if (InputValues.LiteralText(a.Input("onTimeout")) == "Escalate" && InputValues.IsMissing(a.Input("escalateTo")))
                {
                    run.Report(a, FlowProblemCodes.MissingInput,
                        "the approval escalates on timeout but says to whom. Set 'Escalate to' in the node's properties.");
                }

                break;
            case FlowActivityTypes.SubWorkflow:
                if (Require(run, a, "workflow", "Workflow", "the workflow to run"))
                {
                    Workflow(run, a, "workflow");
                }

                Number(run, a, "version", "Version", 1, int.MaxValue, wholeNumber: true);
                break;
            default:
                break;
        }
    }

    /// <summary>Reports a missing input; true when the input is set.</summary>
    private static bool Require(ValidationRun run, FlowActivity a, string input, string label, string what)
    {
        if (!InputValues.IsMissing(a.Input(input)))
        {
            return true;
        }

        run.Report(a, FlowProblemCodes.MissingInput, $"{what} is missing. Set '{label}' in the node's properties.");
        return false;
    }

    private static void CheckSetVariable(ValidationRun run, FlowActivity a)
    {
        var raw = a.Property("variable");
        var names = raw switch
        {
            JsonObject o => new[] { "id", "name" }
                .Select(k => o.Find(k) is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null).OfType<string>().ToList(),
            JsonValue v when v.TryGetValue<string>(out var s) && s.Length > 0 => [s],
            _ => [],
        };
        if (names.Count == 0)
        {
            run.Report(a, FlowProblemCodes.MissingInput, "the variable to set is missing. Choose a 'Variable' in the node's properties.");
        }
        else if (!names.Exists(run.HasVariable))
        {
            var shown = raw is JsonObject o && o.Find("name") is JsonValue n && n.TryGetValue<string>(out var name) ? name : names[0];
            run.Report(a, FlowProblemCodes.UnknownVariable,
                $"it sets variable '{shown}', which is not declared. Declare the variable in the flow's variables or choose another one.");
        }
    }

    private static void CheckSwitch(ValidationRun run, FlowActivity a)
    {
        var cases = ActivityOutcomes.Cases(a);
        if (cases is null)
        {
            var input = a.Input("cases");
            if (a.Property("cases") is null || InputValues.IsMissing(input))
            {
                run.Report(a, FlowProblemCodes.MissingInput, "the switch has no cases. Add at least one case in 'Cases'.");
            }
            else if (InputValues.IsConstant(input))
            {
                run.Report(a, FlowProblemCodes.InvalidValue, "'Cases' is not a list of cases. Add the cases again in the node's properties.");
            }

            return;
        }

        if (cases.Count == 0)
        {
            run.Report(a, FlowProblemCodes.MissingInput, "the switch has no cases. Add at least one case in 'Cases'.");
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < cases.Count; i++)
        {
            var label = cases[i].Find("label") is JsonValue l && l.TryGetValue<string>(out var s) ? s : string.Empty;
            if (label.Length == 0)
            {
                run.Report(a, FlowProblemCodes.MissingInput, $"case {i + 1} has no label. Give each case a label; it names the case's outcome.");
            }
            else if (!seen.Add(label))
            {
                run.Report(a, FlowProblemCodes.InvalidValue, $"two cases are labelled '{label}'. Give each case its own label.");
            }

            var condition = cases[i].Find("condition") as JsonObject;
            if (condition?.Find("value") is not JsonValue cv || string.IsNullOrWhiteSpace(cv.TryGetValue<string>(out var ct) ? ct : cv.ToJsonString()))
            {
                run.Report(a, FlowProblemCodes.MissingInput,
                    $"case '{(label.Length == 0 ? (i + 1).ToString(CultureInfo.InvariantCulture) : label)}' has no condition. Set its condition.");
            }
        }

        OneOf(run, a, "mode", "Mode", SwitchModes);
    }

    private static void CheckHttp(ValidationRun run, FlowActivity a)
    {
        if (Require(run, a, "url", "URL", "the URL") && InputValues.LiteralText(a.Input("url")) is { } url
            && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            run.Report(a, FlowProblemCodes.InvalidValue, $"the URL '{url}' is not an absolute http or https address. Write the full address, e.g. https://api.example.com/refunds.");
        }

        var codes = a.Input("expectedStatusCodes");
        if (!InputValues.IsMissing(codes) && InputValues.IsConstant(codes)
            && (InputValues.StringList(codes) is not { } list
                || list.Any(c => !int.TryParse(c, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 100 or > 599)))
        {
            run.Report(a, FlowProblemCodes.InvalidValue,
                "the expected status codes must be a list of HTTP status codes such as [200, 201]. Correct 'Expected status codes'.");
        }
    }

    private static void CheckAgent(ValidationRun run, FlowActivity a)
    {
        var agent = a.Input("agent");
        if (InputValues.IsMissing(agent) && InputValues.IsMissing(a.Input("instructions")))
        {
            run.Report(a, FlowProblemCodes.MissingInput, "the agent is missing. Choose an 'Agent', or write 'Instructions' for an inline agent, in the node's properties.");
        }
        else if (run.Context.Agents is { } agents && InputValues.LiteralText(agent) is { } name && !string.IsNullOrWhiteSpace(name) && !agents.Contains(name))
        {
            run.Report(a, FlowProblemCodes.UnknownAgent, $"the agent '{name}' is not registered. Choose one of the registered agents.");
        }

        Require(run, a, "prompt", "Prompt", "the prompt");
        Number(run, a, "maxTurns", "Max turns", 1, int.MaxValue, wholeNumber: true);
        var tools = a.Input("tools");
        if (!InputValues.IsMissing(tools) && InputValues.StringList(tools) is { } names)
        {
            Tools(run, a, names);
        }
    }

    private static void Tools(ValidationRun run, FlowActivity a, IEnumerable<string> names)
    {
        if (run.Context.Tools is not { } registered)
        {
            return;
        }

        foreach (var tool in names.Where(t => !registered.Contains(t)))
        {
            run.Report(a, FlowProblemCodes.UnknownTool, $"the tool '{tool}' is not registered. Choose a registered tool, or register '{tool}' first.");
        }
    }

    private static void Workflow(ValidationRun run, FlowActivity a, string input)
    {
        if (run.Context.WorkflowExists is { } exists && InputValues.LiteralText(a.Input(input)) is { } name && !string.IsNullOrWhiteSpace(name) && !exists(name))
        {
            run.Report(a, FlowProblemCodes.UnknownWorkflow, $"the workflow '{name}' does not exist. Choose a code workflow or a published flow.");
        }
    }

    private static void Duration(ValidationRun run, FlowActivity a, string input, string label)
    {
        var value = a.Input(input);
        if (value?.Expression is { Type: FlowExpressionTypes.Literal } bare && InputValues.BareDaysAdvice(bare.Value) is { } advice)
        {
            run.Report(a, FlowProblemCodes.InvalidValue, $"'{label}' is '{bare.Text}', which {advice}.");
        }
        else if (value?.Expression is { Type: FlowExpressionTypes.Literal } e && !InputValues.IsMissing(value)
            && !(InputValues.TryTimeSpan(e.Value, out var span) && span >= TimeSpan.Zero))
        {
            run.Report(a, FlowProblemCodes.InvalidValue,
                $"'{label}' is '{e.Text}', which is not a duration. Write it as hh:mm:ss or d.hh:mm:ss, e.g. 00:05:00 for five minutes.");
        }
    }

    private static void OneOf(ValidationRun run, FlowActivity a, string input, string label, string[] allowed)
    {
        if (InputValues.LiteralText(a.Input(input)) is { Length: > 0 } value && !allowed.Contains(value, StringComparer.OrdinalIgnoreCase))
        {
            run.Report(a, FlowProblemCodes.InvalidValue, $"'{label}' is '{value}'. Choose one of {string.Join(", ", allowed)}.");
        }
    }

    private static void Number(ValidationRun run, FlowActivity a, string input, string label, double min, double max, bool wholeNumber = false)
    {
        var value = a.Input(input);
        if (value?.Expression is { Type: FlowExpressionTypes.Literal } e && !InputValues.IsMissing(value)
            && !(InputValues.TryNumber(e.Value, out var n) && n >= min && n <= max && (!wholeNumber || n == Math.Floor(n))))
        {
            var range = max == int.MaxValue ? $"{(wholeNumber ? "a whole number" : "a number")} of at least {min}" : $"a number from {min} to {max}";
            run.Report(a, FlowProblemCodes.InvalidValue, $"'{label}' is '{e.Text}'. It must be {range}.");
        }
    }
}
