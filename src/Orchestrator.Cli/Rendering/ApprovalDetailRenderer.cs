using System.Globalization;
using System.Text.Json;
using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The view of <c>orch approvals &lt;taskId&gt;</c>: the task, its proposed action field by field, and the steps before it.</summary>
internal static class ApprovalDetailRenderer
{
    private static readonly Style Label = new(Color.Grey);
    private static readonly Style Heading = new(decoration: Decoration.Bold);

    public static IRenderable Render(ApprovalDetails task, TimeProvider clock)
    {
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        Add(grid, "Task", new Text(task.TaskId, Heading));
        Add(grid, "Title", new Text(task.Title, Heading));
        Add(grid, "Status", StatusStyles.Text(task.Status));
        Add(grid, "Workflow", new Text(InstanceListRenderer.WorkflowLabel(task.Workflow, null, task.WorkflowDisplayName)));
        Add(grid, "Instance", new Text(task.InstanceId));
        Add(grid, "Requested by", new Text(ApprovalListRenderer.RequesterLabel(task.RequestedBy)));
        Add(grid, "Assignees", new Text(task.AssignTo.Count == 0 ? "-" : string.Join(", ", task.AssignTo)));
        Add(grid, "Created", new Text(TimeFormat.LocalAndRelative(task.CreatedAt, clock)));
        Add(grid, "Due", ApprovalListRenderer.Due(task, clock));
        if (task.DecidedBy is not null || task.DecidedAt is not null)
        {
            Add(grid, "Decided", new Text($"by {task.DecidedBy ?? "-"} at {TimeFormat.LocalAndRelative(task.DecidedAt, clock)}"));
        }

        AddIfPresent(grid, "Comment", task.Comment);
        AddIfPresent(grid, "Edits", JsonPreview.OneLine(task.Edits, 200));

        var parts = new List<IRenderable> { grid };
        if (!string.IsNullOrWhiteSpace(task.Details))
        {
            parts.Add(Section("Details"));
            parts.Add(new Text(task.Details.Trim()));
        }

        parts.Add(Section("Proposed action"));
        parts.Add(ProposedTable(task.Proposed));
        if (JsonPreview.OneLine(task.Context, 200) is var context && context != "-")
        {
            parts.Add(Section("Context"));
            parts.Add(new Text(context));
        }

        parts.Add(Section("Steps that led to it"));
        parts.Add(HistoryRenderer.Render(new InstanceHistory(task.InstanceId, task.Steps), clock));
        return new Rows(parts);
    }

    /// <summary>One row per field of the proposed action; a value that is not an object gets a single row.</summary>
    public static IRenderable ProposedTable(JsonElement? proposed)
    {
        if (proposed is not { ValueKind: not (JsonValueKind.Null or JsonValueKind.Undefined) } value)
        {
            return new Text("(none)");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Field", "Value");
        if (value.ValueKind == JsonValueKind.Object)
        {
            foreach (var field in value.EnumerateObject())
            {
                table.AddRow(new Text(field.Name, Heading), new Text(FieldValue(field.Value)));
            }
        }
        else
        {
            table.AddRow(new Text("value", Heading), new Text(FieldValue(value)));
        }

        return table;
    }

    /// <summary>Strings without quotes, numbers as sent, anything else as compact JSON.</summary>
    private static string FieldValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString() ?? string.Empty,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True or JsonValueKind.False => value.GetBoolean().ToString(CultureInfo.InvariantCulture).ToLowerInvariant(),
        _ => JsonPreview.OneLine(value, 200),
    };

    private static Text Section(string title) => new(Environment.NewLine + title, Heading);

    private static void Add(Grid grid, string label, IRenderable value) => grid.AddRow(new Text(label, Label), value);

    private static void AddIfPresent(Grid grid, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value) && value != "-")
        {
            Add(grid, label, new Text(value));
        }
    }
}
