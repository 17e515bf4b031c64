using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The table of <c>orch workflows</c>.</summary>
internal static class WorkflowsRenderer
{
    public static IRenderable Render(WorkflowList workflows)
    {
        if (workflows.Items.Count == 0)
        {
            return new Text("No workflows are registered on this server.");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Workflow", "Version", "Kind", "Description");
        foreach (var workflow in workflows.Items)
        {
            table.AddRow(
                new Text(InstanceListRenderer.WorkflowLabel(workflow.Name, null, workflow.DisplayName), new Style(decoration: Decoration.Bold)),
                new Text(workflow.Version ?? "-"),
                new Text(workflow.Kind ?? "-"),
                new Text(workflow.Description ?? string.Empty));
        }

        return table;
    }
}
