using System.Text;
using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>One line per step event in a watch, e.g. <c>21:49:03 activity ChargeCard Completed 1.2s</c>.</summary>
internal static class StepLine
{
    public static IRenderable Render(HistoryStep step, TimeProvider clock)
    {
        var at = step.CompletedAt ?? step.StartedAt ?? clock.GetUtcNow();
        var line = new StringBuilder()
            .Append("[grey]").Append(TimeFormat.Clock(at, clock)).Append("[/] ")
            .Append(Markup.Escape(step.Kind)).Append(' ')
            .Append("[bold]").Append(Markup.Escape(step.Title ?? step.Name)).Append("[/] ")
            .Append(StatusStyles.Markup(step.Status));
        if (HistoryRenderer.Took(step) is { } took)
        {
            line.Append(' ').Append(took);
        }

        if (step.Attempt is > 1)
        {
            line.Append(" (attempt ").Append(step.Attempt.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(')');
        }

        if (step.Error is { } error)
        {
            line.Append(" [red]").Append(Markup.Escape(InstanceDetailRenderer.Describe(error))).Append("[/]");
        }

        if (StepCredit.Of(step) is { } decider)
        {
            line.Append(" by ").Append(Markup.Escape(decider));
        }

        return new Markup(line.ToString());
    }
}
