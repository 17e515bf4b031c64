namespace Orchestrator.Core.Governance;

/// <summary>
/// The audit records of human-task changes, carried by the task writes so that each is committed in the transaction
/// of the change it describes (and not at all when the change is refused). Comments and proposed actions are never
/// recorded; the instance id of a decision is filled in by the store, which reads the task.
/// </summary>
internal static class ApprovalAudit
{
    public static string Target(string taskId) => "approval:" + taskId;

    public static AuditEntry Requested(HumanTask task)
    {
        var (actor, onBehalfOf) = StepAudit.Principal(task.RequestedByAgent, task.OnBehalfOf);
        return new AuditEntry(task.CreatedAt, actor, onBehalfOf, AuditActions.ApprovalRequested, Target(task.TaskId), AuditOutcomes.Ok, task.InstanceId,
            StepAudit.Details(w =>
            {
                w.WriteString("workflow", task.Workflow);
                w.WriteStartArray("assignTo");
                foreach (var assignee in task.AssignTo)
                {
                    w.WriteStringValue(assignee);
                }

                w.WriteEndArray();
            }));
    }

    public static AuditEntry Decided(string taskId, bool approve, string user, bool edited, DateTime now) =>
        new(now, "user:" + user, null, approve ? AuditActions.ApprovalApproved : AuditActions.ApprovalRejected, Target(taskId), AuditOutcomes.Ok, null,
            StepAudit.Details(w => w.WriteBoolean("edited", edited)));

    public static AuditEntry Resolved(string taskId, HumanTaskStatus status, IReadOnlyList<string>? assignTo, DateTime now)
    {
        var action = status switch
        {
            HumanTaskStatus.Pending => AuditActions.ApprovalEscalated,
            HumanTaskStatus.Approved => AuditActions.ApprovalApproved,
            HumanTaskStatus.Rejected => AuditActions.ApprovalRejected,
            HumanTaskStatus.Withdrawn => AuditActions.ApprovalWithdrawn,
            _ => AuditActions.ApprovalExpired,
        };
        return new AuditEntry(now, StepAudit.System, null, action, Target(taskId), AuditOutcomes.Ok, null,
            assignTo is null ? null : StepAudit.Details(w =>
            {
                w.WriteStartArray("assignTo");
                foreach (var assignee in assignTo)
                {
                    w.WriteStringValue(assignee);
                }

                w.WriteEndArray();
            }));
    }
}
