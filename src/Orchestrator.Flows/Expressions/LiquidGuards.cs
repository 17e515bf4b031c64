using Fluid;
using Fluid.Ast;
using Fluid.Values;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// What keeps a render inside its memory: ranges such as <c>(1..100000000)</c>, which Fluid builds in full before a
/// loop takes its first step, are refused past <see cref="ExpressionLimits.MaxRangeItems"/>; filters whose result can
/// be far larger than their input (<c>replace</c>, <c>join</c>) check first, and every filter's result is checked, so
/// a chain of <c>append</c>s cannot double its way past <see cref="ExpressionLimits.MaxStringLength"/>; and the rendered
/// text itself stops at that length.
/// </summary>
internal static class LiquidGuards
{
    /// <summary>The template with every range bounded.</summary>
    public static IFluidTemplate BoundRanges(IFluidTemplate template) => new RangeBounder().VisitTemplate(template);

    /// <summary>Wraps every filter of <paramref name="options"/> with the size checks.</summary>
    public static void GuardFilters(TemplateOptions options)
    {
        foreach (var (name, filter) in options.Filters.ToList())
        {
            options.Filters.AddFilter(name, (input, arguments, context) =>
            {
                if (Bound(name, input, arguments) > ExpressionLimits.MaxStringLength)
                {
                    throw new LiquidLimitException($"its filter '{name}' would build a string longer than the limit of {ExpressionLimits.MaxStringLength:N0} characters");
                }

                var result = filter(input, arguments, context);
                return result.IsCompletedSuccessfully ? new ValueTask<FluidValue>(Checked(name, result.Result)) : CheckedAsync(name, result);
            });
        }
    }

    private static async ValueTask<FluidValue> CheckedAsync(string name, ValueTask<FluidValue> result) => Checked(name, await result);

    private static FluidValue Checked(string name, FluidValue value) => value switch
    {
        StringValue s when s.ToStringValue().Length > ExpressionLimits.MaxStringLength =>
            throw new LiquidLimitException($"its filter '{name}' built a string longer than the limit of {ExpressionLimits.MaxStringLength:N0} characters"),
        ArrayValue a when a.Values.Count > ExpressionLimits.MaxRangeItems * 10 =>
            throw new LiquidLimitException($"its filter '{name}' built a list longer than the limit of {ExpressionLimits.MaxRangeItems * 10:N0} items"),
        _ => value,
    };

    /// <summary>The most a filter can build before it runs, for the ones whose result is not bounded by their input.</summary>
    private static double Bound(string name, FluidValue input, FilterArguments arguments)
    {
        switch (name)
        {
            case "replace" when arguments.Count >= 2:
                var text = input.ToStringValue();
                var search = arguments.At(0).ToStringValue();
                var replacement = arguments.At(1).ToStringValue();
                return text.Length + (ExpressionLimits.Occurrences(text, search) * (double)replacement.Length);
            case "join" when input is ArrayValue list:
                var separator = arguments.Count > 0 ? arguments.At(0).ToStringValue().Length : 1;
                var total = (double)separator * Math.Max(0, list.Values.Count - 1);
                foreach (var item in list.Values)
                {
                    total += item.ToStringValue().Length;
                    if (total > ExpressionLimits.MaxStringLength)
                    {
                        break;
                    }
                }

                return total;
            default:
                return 0;
        }
    }

    private sealed class RangeBounder : AstRewriter
    {
        protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
            new BoundedRange(Visit(rangeExpression.From), Visit(rangeExpression.To));
    }

    /// <summary>A range that counts its items before it builds them.</summary>
    private sealed class BoundedRange(Expression from, Expression to) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var start = (long)Math.Truncate((await from.EvaluateAsync(context)).ToNumberValue());
            var end = (long)Math.Truncate((await to.EvaluateAsync(context)).ToNumberValue());
            var count = end < start ? 0 : end - start + 1;
            if (count > ExpressionLimits.MaxRangeItems)
            {
                throw new LiquidLimitException($"its range ({start}..{end}) has {count:N0} items, more than the limit of {ExpressionLimits.MaxRangeItems:N0}");
            }

            var items = new FluidValue[count];
            for (var i = 0; i < count; i++)
            {
                items[i] = NumberValue.Create(start + i);
            }

            return new ArrayValue(items);
        }
    }
}
