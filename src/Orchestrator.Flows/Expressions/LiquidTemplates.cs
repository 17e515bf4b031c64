using System.Collections.Concurrent;
using Fluid;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// Liquid through Fluid, for prompts and texts. Templates are parsed once and cached by their source. In scope:
/// <c>Variables.&lt;name&gt;</c>, <c>Input.&lt;name&gt;</c>, <c>Outputs.&lt;nodeId&gt;</c> (the output of a node that ran,
/// e.g. <c>{{ Outputs.triage.category }}</c>) and <c>Workflow.InstanceId</c> / <c>Workflow.DefinitionId</c>; members of
/// JSON objects are reached by name (any case) and arrays by index.
/// </summary>
internal static class LiquidTemplates
{
    public const int MaxSteps = 100_000;

    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Cache = new(StringComparer.Ordinal);
    private static readonly TemplateOptions Options = CreateOptions();

    /// <summary>Parses a template (cached); false with the parser's message when it does not parse.</summary>
    public static bool TryParse(string source, out IFluidTemplate? template, out string? error)
    {
        if (Cache.TryGetValue(source, out template))
        {
            error = null;
            return true;
        }

        if (!Parser.TryParse(source, out template, out error))
        {
            return false;
        }

        Cache.TryAdd(source, template);
        return true;
    }

    public static string Render(string source, FlowScope scope, string nodeId, string what)
    {
        if (!TryParse(source, out var template, out var error))
        {
            throw new FlowExpressionException($"The Liquid template of node '{nodeId}' ({what}) does not parse: {error}");
        }

        var context = new TemplateContext(Options) { Now = () => new DateTimeOffset(DateTime.SpecifyKind(scope.Now, DateTimeKind.Utc)) };
        context.SetValue("Variables", FlowValues.ToPlain(scope.VariablesObject()));
        context.SetValue("Input", FlowValues.ToPlain(scope.Input));
        context.SetValue("Outputs", FlowValues.ToPlain(scope.Outputs));
        context.SetValue("Workflow", new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["InstanceId"] = scope.InstanceId,
            ["DefinitionId"] = scope.DefinitionId,
        });
        try
        {
            return template!.Render(context);
        }
        catch (InvalidOperationException ex)
        {
            throw new FlowExpressionException($"The Liquid template of node '{nodeId}' ({what}) failed: {ex.Message}", ex);
        }
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MaxSteps = MaxSteps, MaxRecursion = 32 };
        options.TimeZone = TimeZoneInfo.Utc;
        return options;
    }
}
