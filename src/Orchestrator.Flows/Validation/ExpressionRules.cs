using System.Text.Json.Nodes;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Validation;

/// <summary>
/// The expression and binding rules, over every input of a node: scripts and templates parse, Object values are JSON,
/// Variable and Input expressions name something declared, only runnable expression kinds are used, and every output
/// bound to a variable is bound to a declared one.
/// </summary>
internal static class ExpressionRules
{
    public static void Check(ValidationRun run, FlowActivity activity)
    {
        foreach (var (key, value) in activity.Properties)
        {
            if (value is not JsonObject o || key is "customProperties" or "metadata"
                || (key == "variable" && activity.Type == FlowActivityTypes.SetVariable))
            {
                continue;
            }

            if (o.Find("expression") is JsonObject expression)
            {
                CheckExpression(run, activity, key, Read(expression));
            }
            else if (o.Find("memoryReference") is JsonObject reference && reference.Find("id") is JsonValue idValue
                     && idValue.TryGetValue<string>(out var id) && id.Length > 0 && !run.HasVariable(id))
            {
                run.Report(activity, FlowProblemCodes.UnknownVariable,
                    $"its output '{key}' is saved to variable '{id}', which is not declared. Declare the variable or choose another one for '{key}'.");
            }
        }

        if (activity.Type == FlowActivityTypes.FlowSwitch && ActivityOutcomes.Cases(activity) is { } cases)
        {
            foreach (var c in cases)
            {
                if (c.Find("condition") is JsonObject condition)
                {
                    var label = c.Find("label") is JsonValue l && l.TryGetValue<string>(out var s) ? s : "?";
                    CheckExpression(run, activity, $"case '{label}'", Read(condition));
                }
            }
        }
    }

    private static FlowExpression? Read(JsonObject expression) =>
        expression.Find("type") is JsonValue t && t.TryGetValue<string>(out var type) ? new FlowExpression(type, expression.Find("value")) : null;

    private static void CheckExpression(ValidationRun run, FlowActivity activity, string input, FlowExpression? expression)
    {
        if (expression is null)
        {
            return;
        }

        var text = expression.Text;
        switch (expression.Type)
        {
            case FlowExpressionTypes.Literal:
                return;
            case FlowExpressionTypes.JavaScript when !string.IsNullOrWhiteSpace(text):
                if (ExpressionLimits.SourceTooLong(text) is { } tooLong)
                {
                    run.Report(activity, FlowProblemCodes.InvalidExpression,
                        $"the JavaScript of '{input}' cannot run: {tooLong}. Shorten it or split it over several nodes.");
                    return;
                }

                if (ExpressionParsers.JavaScriptError(text, out var program) is { } jsError)
                {
                    run.Report(activity, FlowProblemCodes.InvalidExpression,
                        $"the JavaScript of '{input}' does not parse: {jsError}. Correct the script.");
                    return;
                }

                IReadOnlyList<string> called;
                try
                {
                    called = ScriptCalls.Undeclared(program!);
                }
                catch (InsufficientExecutionStackException)
                {
                    run.Report(activity, FlowProblemCodes.InvalidExpression,
                        $"the JavaScript of '{input}' nests expressions deeper than can be checked. Split it into smaller parts.");
                    return;
                }

                foreach (var function in called.Where(f => !run.IsKnownAccessor(f)))
                {
                    run.Report(activity, FlowProblemCodes.UnknownVariable,
                        $"the JavaScript of '{input}' calls {function}(), but the flow has no variable or input by that name. "
                        + "Declare it, or correct the name (a variable Total is read with getTotal(), an input amount with getAmount() or getInput(\"amount\")).");
                }

                return;
            case FlowExpressionTypes.Liquid when !string.IsNullOrEmpty(text):
                if (LiquidLimits.Check(text) is { } limit)
                {
                    run.Report(activity, FlowProblemCodes.InvalidExpression,
                        $"the Liquid template of '{input}' cannot run: {limit}. Simplify it or split it over several nodes.");
                }
                else if (ExpressionParsers.LiquidError(text) is { } liquidError)
                {
                    run.Report(activity, FlowProblemCodes.InvalidExpression,
                        $"the Liquid template of '{input}' does not parse: {liquidError}. Correct the template (check the {{{{ }}}} and {{% %}} pairs).");
                }

                return;
            case FlowExpressionTypes.Object or FlowExpressionTypes.Json:
                if (expression.Value is JsonValue v && v.TryGetValue<string>(out var json) && !string.IsNullOrWhiteSpace(json)
                    && !FlowValues.TryParse(json, out _))
                {
                    run.Report(activity, FlowProblemCodes.InvalidExpression,
                        $"the value of '{input}' is not valid JSON. Correct it, or quote it if it is meant as text.");
                }

                return;
            case FlowExpressionTypes.Variable:
                var variable = ReferencedName(text);
                if (variable is null)
                {
                    run.Report(activity, FlowProblemCodes.MissingInput, $"'{input}' reads a variable but does not say which. Choose the variable.");
                }
                else if (!variable.Any(run.HasVariable))
                {
                    run.Report(activity, FlowProblemCodes.UnknownVariable,
                        $"'{input}' reads variable '{variable[0]}', which is not declared. Declare it or choose another variable.");
                }

                return;
            case FlowExpressionTypes.Input:
                var name = ReferencedName(text);
                if (name is not null && !name.Any(run.HasInput))
                {
                    run.Report(activity, FlowProblemCodes.UnknownInput,
                        $"'{input}' reads workflow input '{name[0]}', which the flow does not declare. Declare the input or choose another one.");
                }

                return;
            case FlowExpressionTypes.JavaScript or FlowExpressionTypes.Liquid:
                return;
            default:
                run.Report(activity, FlowProblemCodes.UnsupportedExpression,
                    $"'{input}' is a {expression.Type} expression, which cannot run here. Use JavaScript, Liquid, a variable or a fixed value instead.");
                return;
        }
    }

    /// <summary>
    /// The names a Variable or Input expression may refer to: the <c>name</c> and <c>id</c> of the JSON model Studio
    /// writes, or the text itself when it is a plain name; null when there is none.
    /// </summary>
    private static IReadOnlyList<string>? ReferencedName(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (text.TrimStart().StartsWith('{'))
        {
            if (!FlowValues.TryParse(text, out var node) || node is not JsonObject model)
            {
                return null;
            }

            var names = new[] { "name", "id" }
                .Select(k => model.Find(k) is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 ? s : null)
                .OfType<string>().ToList();
            return names.Count == 0 ? null : names;
        }

        return [text.Trim()];
    }
}
