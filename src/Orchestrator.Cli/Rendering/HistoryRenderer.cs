using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The table of <c>orch history</c>.</summary>
internal static class HistoryRenderer
{
    public static IRenderable Render(InstanceHistory history, TimeProvider clock)
    {
        if (history.Steps.Count == 0)
        {
            return new Text($"Instance {history.InstanceId} has no checkpointed steps yet.");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Kind", "Name", "Status", "Started", "Took", "Try", "Result");
        table.Columns[0].RightAligned();
        foreach (var step in history.Steps)
        {
            table.AddRow(
                new Text(step.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Text(step.Kind),
                new Text(step.Title ?? step.Name, new Style(decoration: Decoration.Bold)),
                StatusStyles.Text(step.Status),
                new Text(step.StartedAt is { } started ? TimeFormat.Clock(started, clock) : "-"),
                new Text(Took(step) ?? "-"),
                new Text(step.Attempt?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
                Result(step));
        }

        return table;
    }

    /// <summary>How long a finished step ran; null while it runs or when the server sent no times.</summary>
    public static string? Took(HistoryStep step) =>
        step is { StartedAt: { } started, CompletedAt: { } completed } ? TimeFormat.Duration(completed - started) : null;

    private static Text Result(HistoryStep step)
    {
        if (step.Error is { } error)
        {
            return new Text(InstanceDetailRenderer.Describe(error), new Style(Color.Red));
        }

        var result = JsonPreview.OneLine(step.Output, 40);
        return new Text((result, StepCredit.Of(step)) switch
        {
            (_, null) => result,
            ("-", { } decider) => $"by {decider}",
            (_, { } decider) => $"{result} by {decider}",
        });
    }
}
