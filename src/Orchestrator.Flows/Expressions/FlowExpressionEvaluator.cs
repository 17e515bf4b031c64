using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Acornima.Ast;
using Fluid;
using Jint;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// Evaluates the expressions of wrapped inputs: <c>Literal</c> (typed by the input's type name), <c>Object</c> /
/// <c>Json</c> (a string holding JSON), <c>Variable</c> (a string holding a variable model: that variable's value),
/// <c>Input</c> (a string holding an input definition: that input's value), <c>JavaScript</c> (sandboxed) and
/// <c>Liquid</c>. Scripts and templates are parsed once per program and reused.
/// </summary>
internal sealed class FlowExpressionEvaluator
{
    private readonly ConcurrentDictionary<string, Prepared<Script>> _scripts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IFluidTemplate> _templates = new(StringComparer.Ordinal);

    /// <summary>Object and Json expressions, parsed once; each evaluation gets its own nodes over the shared element.</summary>
    private readonly ConcurrentDictionary<string, JsonElement> _json = new(StringComparer.Ordinal);

    /// <summary>Parses a script or template ahead of time; returns the parser's message when it does not parse.</summary>
    public string? Prepare(FlowExpression expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var text = expression.Text ?? string.Empty;
        switch (expression.Type)
        {
            case FlowExpressionTypes.JavaScript:
                if (_scripts.ContainsKey(text))
                {
                    return null;
                }

                var prepared = JavaScriptSandbox.TryPrepare(text, out var error);
                if (prepared is { } p)
                {
                    _scripts.TryAdd(text, p);
                }

                return error;
            case FlowExpressionTypes.Liquid:
                if (_templates.ContainsKey(text))
                {
                    return null;
                }

                if (!LiquidTemplates.TryParse(text, out var template, out var liquidError))
                {
                    return liquidError;
                }

                _templates.TryAdd(text, template!);
                return null;
            default:
                return null;
        }
    }

    /// <summary>The value of an input, converted to its type name; null when the input is not set.</summary>
    public JsonNode? Evaluate(FlowInput? input, FlowScope scope, string nodeId, string inputName)
    {
        if (input?.Expression is not { } expression)
        {
            return null;
        }

        return FlowValues.Coerce(Evaluate(expression, scope, nodeId, inputName), input.TypeName);
    }

    /// <summary>The value of a bare expression (e.g. a switch case's condition).</summary>
    public JsonNode? Evaluate(FlowExpression expression, FlowScope scope, string nodeId, string what)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(scope);
        switch (expression.Type)
        {
            case FlowExpressionTypes.Literal:
                return expression.Value?.DeepClone();
            case FlowExpressionTypes.Object or FlowExpressionTypes.Json:
                return ParseJson(expression, nodeId, what);
            case FlowExpressionTypes.Variable:
                return ReadVariable(expression, scope, nodeId, what);
            case FlowExpressionTypes.Input:
                return ReadInput(expression, scope);
            case FlowExpressionTypes.JavaScript:
                var text = expression.Text ?? string.Empty;
                if (!_scripts.TryGetValue(text, out var script))
                {
                    if (Prepare(expression) is { } error)
                    {
                        throw new FlowExpressionException($"The JavaScript of node '{nodeId}' ({what}) does not parse: {error}");
                    }

                    script = _scripts[text];
                }

                return JavaScriptSandbox.Evaluate(script, scope, nodeId, what);
            case FlowExpressionTypes.Liquid:
                var source = expression.Text ?? string.Empty;
                if (!_templates.TryGetValue(source, out var template))
                {
                    if (Prepare(expression) is { } error)
                    {
                        throw new FlowExpressionException($"The Liquid template of node '{nodeId}' ({what}) cannot be used: {error}");
                    }

                    template = _templates[source];
                }

                return JsonValue.Create(LiquidTemplates.Render(template, scope, nodeId, what));
            default:
                throw new FlowExpressionException(
                    $"Node '{nodeId}' ({what}) uses a {expression.Type} expression, which this runtime does not run; use Literal, Object, Variable, Input, JavaScript or Liquid.");
        }
    }

    private JsonNode? ParseJson(FlowExpression expression, string nodeId, string what)
    {
        if (expression.Value is null)
        {
            return null;
        }

        if (expression.Value is not JsonValue || FlowValues.Text(expression.Value) is not { } text)
        {
            return expression.Value.DeepClone(); // already JSON (some writers inline it)
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (!_json.TryGetValue(text, out var element))
        {
            if (!FlowValues.TryParse(text, out var node))
            {
                throw new FlowExpressionException($"The Object expression of node '{nodeId}' ({what}) is not valid JSON: {text}");
            }

            element = JsonSerializer.SerializeToElement(node);
            _json.TryAdd(text, element);
        }

        return FlowValues.FromElement(element);
    }

    private static JsonNode? ReadVariable(FlowExpression expression, FlowScope scope, string nodeId, string what)
    {
        var model = Model(expression);
        var id = FlowValues.Text(model?["id"]) ?? FlowValues.Text(model?["Id"]);
        var name = FlowValues.Text(model?["name"]) ?? FlowValues.Text(model?["Name"]) ?? (model is null ? expression.Text : null);
        var resolved = (id is null ? null : scope.Resolve(id)) ?? (name is null ? null : scope.Resolve(name) ?? (scope.Has(name) ? name : null));
        return resolved is null
            ? throw new FlowExpressionException($"Node '{nodeId}' ({what}) reads the variable '{name ?? id}', which the flow does not declare.")
            : scope.Get(resolved)?.DeepClone();
    }

    private static JsonNode? ReadInput(FlowExpression expression, FlowScope scope)
    {
        var model = Model(expression);
        var name = FlowValues.Text(model?["name"]) ?? FlowValues.Text(model?["Name"]) ?? expression.Text;
        if (name is null)
        {
            return null;
        }

        return (scope.Input.Find(name))?.DeepClone();
    }

    private static JsonObject? Model(FlowExpression expression) => expression.Value switch
    {
        JsonObject o => o,
        JsonValue when FlowValues.Text(expression.Value) is { } text && text.TrimStart().StartsWith('{') && FlowValues.TryParse(text, out var parsed) => parsed as JsonObject,
        _ => null,
    };
}
