using Orchestrator.Core.Governance;
using Orchestrator.Server.Contracts;

namespace Orchestrator.Server.Mapping;

/// <summary>Maps human tasks to the approval shapes of the API.</summary>
internal static class ApprovalMapper
{
    public static ApprovalItem ToItem(HumanTask task, WorkflowNames names)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(task);
        return new ApprovalItem(
            task.TaskId,
            task.InstanceId,
            task.Workflow,
            task.Title,
            task.Details,
            JsonText.ToElement(task.ProposedJson),
            JsonText.ToElement(task.ProposedSchemaJson),
            task.AssignTo,
            new ApprovalRequester(task.RequestedByAgent, task.OnBehalfOf),
            UtcTime.Normalize(task.CreatedAt),
            task.DueAt is { } due ? UtcTime.Normalize(due) : null,
            StatusText(task.Status),
            task.DecidedBy,
            task.DecidedAt is { } decided ? UtcTime.Normalize(decided) : null,
            task.Comment,
            JsonText.ToElement(task.EditsJson),
            names.Of(task.Workflow, task.RequestedByAgent));
    }

    /// <summary>The status as the API writes and reads it: lower case.</summary>
    public static string StatusText(HumanTaskStatus status) => status.ToString().ToLowerInvariant();
}
