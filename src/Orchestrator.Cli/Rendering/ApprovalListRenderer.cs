using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The table of <c>orch approvals</c>: one row per task, overdue ones highlighted.</summary>
internal static class ApprovalListRenderer
{
    private static readonly Style Overdue = new(Color.Red, decoration: Decoration.Bold);

    public static IRenderable Render(ApprovalList approvals, TimeProvider clock)
    {
        if (approvals.Items.Count == 0)
        {
            return new Text("No approvals match.");
        }

        // The status column only earns its place when the list mixes statuses (--status other than pending).
        var showStatus = approvals.Items.Any(item => item.Status != ApprovalStatuses.Pending);
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Task", "Title", "Workflow / instance", "Requested by", "Created", "Due");
        if (showStatus)
        {
            table.AddColumn("Status");
        }

        foreach (var item in approvals.Items)
        {
            var cells = new List<IRenderable>
            {
                new Text(item.TaskId, new Style(decoration: Decoration.Bold)),
                new Text(item.Title),
                new Text($"{InstanceListRenderer.WorkflowLabel(item.Workflow, null, item.WorkflowDisplayName)} / {item.InstanceId}"),
                new Text(RequesterLabel(item.RequestedBy)),
                new Text(TimeFormat.LocalAndRelative(item.CreatedAt, clock)),
                Due(item, clock),
            };
            if (showStatus)
            {
                cells.Add(StatusStyles.Text(item.Status));
            }

            table.AddRow(cells);
        }

        return table;
    }

    /// <summary>Whether a task still waits for a person after its due time.</summary>
    public static bool IsOverdue(ApprovalItem item, TimeProvider clock) =>
        item.Status == ApprovalStatuses.Pending && item.DueAt is { } due && due <= clock.GetUtcNow();

    /// <summary>E.g. <c>refunder for alice</c>, <c>alice</c>, or <c>-</c> when nobody is named.</summary>
    public static string RequesterLabel(ApprovalRequester? requester) => requester switch
    {
        { Agent: { Length: > 0 } agent, OnBehalfOf: { Length: > 0 } person } => $"{agent} for {person}",
        { Agent: { Length: > 0 } agent } => agent,
        { OnBehalfOf: { Length: > 0 } person } => person,
        _ => "-",
    };

    /// <summary>The due time, red and marked <c>overdue</c> once it has passed for a pending task.</summary>
    public static Text Due(ApprovalItem item, TimeProvider clock)
    {
        if (item.DueAt is not { } due)
        {
            return new Text("-");
        }

        var text = TimeFormat.LocalAndRelative(due, clock);
        return IsOverdue(item, clock) ? new Text(text + " overdue", Overdue) : new Text(text);
    }
}
