using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The table of <c>orch list</c>, with a hint for the next page.</summary>
internal static class InstanceListRenderer
{
    public static IRenderable Render(InstancePage page, TimeProvider clock)
    {
        if (page.Items.Count == 0)
        {
            return new Text("No instances match.");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Instance", "Workflow", "Status", "Created", "Updated", "Started by");
        foreach (var instance in page.Items)
        {
            table.AddRow(
                new Text(instance.InstanceId, new Style(decoration: Decoration.Bold)),
                new Text(WorkflowLabel(instance.Workflow, instance.Version, instance.WorkflowDisplayName)),
                StatusStyles.Text(instance.Status),
                new Text(TimeFormat.LocalAndRelative(instance.CreatedAt, clock)),
                new Text(instance.UpdatedAt is { } updated ? TimeFormat.Relative(updated, clock) : "-"),
                new Text(instance.StartedBy ?? "-"));
        }

        return page.NextCursor is null
            ? table
            : new Rows(table, new Text($"More instances: orch list --cursor {page.NextCursor}", new Style(Color.Grey)));
    }

    /// <summary>
    /// What people call the workflow, with the name scripts use after it when that differs: <c>samples.sequence v2</c>,
    /// <c>Refund request (refund-flow v2)</c>, <c>support-triage (orchestrator.agent)</c>.
    /// </summary>
    public static string WorkflowLabel(string workflow, string? version, string? displayName = null)
    {
        var name = string.IsNullOrEmpty(version) ? workflow : $"{workflow} v{version}";
        return string.IsNullOrWhiteSpace(displayName) || displayName == workflow ? name : $"{displayName} ({name})";
    }
}
