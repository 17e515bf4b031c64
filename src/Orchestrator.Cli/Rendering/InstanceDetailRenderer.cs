using System.Globalization;
using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The view of <c>orch status</c> and the closing summary of a watch.</summary>
internal static class InstanceDetailRenderer
{
    public static IRenderable Render(InstanceDetail instance, TimeProvider clock)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Add(grid, "Instance", new Text(instance.InstanceId, new Style(decoration: Decoration.Bold)));
        Add(grid, "Workflow", new Text(InstanceListRenderer.WorkflowLabel(instance.Workflow, instance.Version, instance.WorkflowDisplayName)));
        Add(grid, "Status", StatusStyles.Text(instance.Status));
        AddIfPresent(grid, "Custom status", JsonPreview.OneLine(instance.CustomStatus, 200));
        Add(grid, "Created", new Text(TimeFormat.LocalAndRelative(instance.CreatedAt, clock)));
        Add(grid, "Updated", new Text(TimeFormat.LocalAndRelative(instance.UpdatedAt, clock)));
        AddIfPresent(grid, "Started by", instance.StartedBy);
        AddIfPresent(grid, "Parent", instance.ParentInstanceId);
        if (instance.Tags is { Count: > 0 } tags)
        {
            Add(grid, "Tags", new Text(string.Join(", ", tags.Select(tag => $"{tag.Key}={tag.Value}"))));
        }

        if (instance.Usage is { } usage)
        {
            // The total counts the sub-workflows and agents the instance ran; its own steps' share is told apart when it differs.
            var own = instance.OwnUsage is { } mine && mine != usage ? $" (own steps: {Tokens(mine)})" : string.Empty;
            Add(grid, "Usage", new Text(Tokens(usage) + own));
        }

        AddIfPresent(grid, "Input", JsonPreview.Pretty(instance.Input));
        AddIfPresent(grid, "Output", JsonPreview.Pretty(instance.Output));
        if (instance.Error is { } error)
        {
            Add(grid, "Error", new Text(Describe(error), new Style(Color.Red)));
        }

        return grid;
    }

    /// <summary>What a watch prints when the instance finished: the status, how long it took, and its output or error.</summary>
    public static IRenderable RenderOutcome(InstanceDetail instance)
    {
        var took = instance is { CreatedAt: { } created, UpdatedAt: { } updated } ? $" in {TimeFormat.Duration(updated - created)}" : string.Empty;
        var lines = new List<IRenderable>
        {
            new Markup($"{StatusStyles.Markup(instance.Status)} {Markup.Escape(instance.InstanceId)}{took}"),
        };
        if (instance.Error is { } error)
        {
            lines.Add(new Text($"Error: {Describe(error)}", new Style(Color.Red)));
        }

        if (JsonPreview.Pretty(instance.Output) is { } output)
        {
            lines.Add(new Text($"Output: {output}"));
        }

        return new Rows(lines);
    }

    /// <summary>E.g. <c>TimeoutException: the model did not answer</c>.</summary>
    public static string Describe(FailureInfo error) => (error.Type, error.Message) switch
    {
        ({ Length: > 0 } type, { Length: > 0 } message) => $"{type}: {message}",
        (_, { Length: > 0 } message) => message,
        ({ Length: > 0 } type, _) => type,
        _ => "failed",
    };

    private static string Tokens(InstanceUsage usage) =>
        $"{usage.InputTokens} input + {usage.OutputTokens} output tokens, ${usage.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture)}";

    private static void Add(Grid grid, string label, IRenderable value) =>
        grid.AddRow(new Text(label, new Style(Color.Grey)), value);

    private static void AddIfPresent(Grid grid, string label, string? value, Style? style = null)
    {
        if (!string.IsNullOrEmpty(value) && value != "-")
        {
            Add(grid, label, new Text(value, style ?? Style.Plain));
        }
    }
}
