using Fluid;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// Liquid through Fluid, for prompts and texts. In scope: <c>Variables.&lt;name&gt;</c>, <c>Input.&lt;name&gt;</c>,
/// <c>Outputs.&lt;nodeId&gt;</c> (the output of a node that ran, e.g. <c>{{ Outputs.triage.category }}</c>) and
/// <c>Workflow.InstanceId</c> / <c>Workflow.DefinitionId</c>; members of JSON objects are reached by name (any case) and
/// arrays by index. A template is read by <see cref="LiquidLimits"/> before Fluid parses it, and renders inside
/// <see cref="LiquidGuards"/> and <see cref="MaxSteps"/>.
/// </summary>
internal static class LiquidTemplates
{
    public const int MaxSteps = 100_000;

    public const int MaxRecursion = 32;

    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = CreateOptions();

    /// <summary>Parses a template; false with the reason when it is refused or does not parse. Callers keep what they parse.</summary>
    public static bool TryParse(string source, out IFluidTemplate? template, out string? error)
    {
        ArgumentNullException.ThrowIfNull(source);
        template = null;
        error = LiquidLimits.Check(source);
        if (error is not null || !Parser.TryParse(source, out var parsed, out error))
        {
            return false;
        }

        template = LiquidGuards.BoundRanges(parsed);
        return true;
    }

    public static string Render(IFluidTemplate template, FlowScope scope, string nodeId, string what)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(scope);
        var context = new TemplateContext(Options) { Now = () => new DateTimeOffset(DateTime.SpecifyKind(scope.Now, DateTimeKind.Utc)) };
        context.SetValue("Variables", FlowValues.ToPlain(scope.VariablesObject()));
        context.SetValue("Input", FlowValues.ToPlain(scope.Input));
        context.SetValue("Outputs", FlowValues.ToPlain(scope.Outputs));
        context.SetValue("Workflow", new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase)
        {
            ["InstanceId"] = scope.InstanceId,
            ["DefinitionId"] = scope.DefinitionId,
        });
        using var writer = new BoundedWriter();
        try
        {
            // Every value in scope is already in memory, so the render completes synchronously.
            var rendering = template.RenderAsync(writer, NullEncoder.Default, context);
            if (!rendering.IsCompletedSuccessfully)
            {
                rendering.AsTask().GetAwaiter().GetResult();
            }

            return writer.ToString();
        }
        catch (LiquidLimitException ex)
        {
            throw new FlowExpressionException($"The Liquid template of node '{nodeId}' ({what}) was stopped: {ex.Message}.", ex);
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("The maximum ", StringComparison.Ordinal))
        {
            // Fluid reports its step limit and its recursion limit alike (and blames a cyclic include for both), so the
            // message names both limits instead of passing that on.
            throw new FlowExpressionException(
                $"The Liquid template of node '{nodeId}' ({what}) was stopped: it ran more than {MaxSteps:N0} steps or nested more than {MaxRecursion} levels deep, the limits of a template.", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new FlowExpressionException($"The Liquid template of node '{nodeId}' ({what}) failed: {ex.Message}", ex);
        }
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions { MaxSteps = MaxSteps, MaxRecursion = MaxRecursion };
        options.TimeZone = TimeZoneInfo.Utc;
        LiquidGuards.GuardFilters(options);
        return options;
    }
}
