using System.Globalization;
using System.Security.Claims;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Server.Audit;
using Orchestrator.Server.Auth;
using Orchestrator.Server.Contracts;
using Orchestrator.Server.Mapping;
using Orchestrator.Server.Problems;
using Orchestrator.Server.Steps;

namespace Orchestrator.Server.Endpoints;

/// <summary>
/// Approvals (human tasks): list the ones the caller may decide, read one with the steps that led to it, decide it.
/// Who may decide is the task's own rule (<see cref="HumanTask.IsAssignee"/>); a decision and the event that wakes the
/// waiting instance commit together, so of two racing approvers exactly one wins and the other gets 409.
/// </summary>
internal static class ApprovalEndpoints
{
    public static RouteGroupBuilder MapApprovals(this RouteGroupBuilder api)
    {
        api.MapGet("/approvals", ListAsync)
            .RequireAuthorization(AuthPolicies.Approve)
            .WithTags("Approvals")
            .WithName("ListApprovals")
            .WithSummary("Approvals, overdue then newest first: status pending (default), approved, rejected, expired, withdrawn or all; "
                + "assignee me (default: what you may decide; for an administrator, every task) or all (administrators only: every task, also for other statuses).")
            .Produces<ItemsResponse<ApprovalItem>>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        api.MapGet("/approvals/{taskId}", GetAsync)
            .RequireAuthorization(AuthPolicies.Approve)
            .WithTags("Approvals")
            .WithName("GetApproval")
            .WithSummary("One approval with its context and the waiting instance's steps so far; only for its assignees.")
            .Produces<ApprovalDetails>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapPost("/approvals/{taskId}/decision", DecideAsync)
            .RequireAuthorization(AuthPolicies.Approve)
            .WithTags("Approvals")
            .WithName("DecideApproval")
            .WithSummary("Approves or rejects; the waiting instance receives the event approval:<taskId>. 409 once decided, expired or withdrawn.")
            .Produces<ApprovalItem>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> ListAsync(
        HttpRequest request,
        ClaimsPrincipal user,
        IHumanTaskService tasks,
        IWorkflowClient client,
        CancellationToken cancellationToken,
        string? status = null,
        string? assignee = null,
        string? instanceId = null,
        string? limit = null)
    {
        var caller = Caller.From(user);
        if (ApprovalQueryParser.CheckNoRepeats(request.Query) is { } repeated)
        {
            return ApiProblems.BadRequest(repeated);
        }

        if (ApprovalQueryParser.IsAll(assignee) && !caller.IsAdmin)
        {
            return ApiProblems.Forbidden(
                $"Only administrators may list every approval (assignee=all); use assignee=me for the ones user '{caller.Name}' may decide.");
        }

        var (query, error) = ApprovalQueryParser.Parse(status, assignee, instanceId, limit, caller.Assignees);
        if (query is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var found = await tasks.QueryAsync(query, cancellationToken);
        var names = WorkflowNames.From(client);
        return TypedResults.Ok(new ItemsResponse<ApprovalItem>([.. found.Select(t => ApprovalMapper.ToItem(t, names))]));
    }

    private static async Task<IResult> GetAsync(
        string taskId, ClaimsPrincipal user, IHumanTaskService tasks, IWorkflowClient client, CancellationToken cancellationToken)
    {
        var caller = Caller.From(user);
        var task = await tasks.GetAsync(taskId, cancellationToken);
        if (task is null)
        {
            return ApiProblems.ApprovalNotFound(taskId);
        }

        if (!task.IsAssignee(caller.Name, caller.Roles))
        {
            return ApiProblems.Forbidden(NotAssigneeDetail(task, caller));
        }

        // A purged instance leaves its tasks behind; they still show, without steps.
        var instance = await client.GetInstanceAsync(task.InstanceId, cancellationToken);
        var steps = instance is null
            ? []
            : StepProjector.Project(await client.GetHistoryAsync(task.InstanceId, cancellationToken), instance.StartedBy).Select(ApiMapper.ToDto).ToList();
        return TypedResults.Ok(new ApprovalDetails(ApprovalMapper.ToItem(task, WorkflowNames.From(client)), JsonText.ToElement(task.ContextJson), steps));
    }

    private static async Task<IResult> DecideAsync(
        string taskId,
        DecisionRequest? body,
        ClaimsPrincipal user,
        IHumanTaskService tasks,
        IWorkflowClient client,
        TimeProvider time,
        HttpContext http,
        CancellationToken cancellationToken)
    {
        var (decision, error) = DecisionRequestParser.Parse(body);
        if (decision is null)
        {
            return ApiProblems.BadRequest(error!);
        }

        var caller = Caller.From(user);
        var result = await tasks.DecideAsync(taskId, decision.Approve, caller.Name, caller.Roles, decision.Comment, decision.EditsJson, cancellationToken);
        if (AuditCall.Of(http) is { } audit)
        {
            // A decision that went through was recorded with it, in its transaction; a refused one is recorded as a call.
            audit.Action = decision.Approve ? AuditActions.ApprovalApproved : AuditActions.ApprovalRejected;
            audit.InstanceId = result.Task?.InstanceId;
            audit.RecordedWithChange = result.Outcome == HumanTaskDecisionOutcome.Decided;
        }

        return result switch
        {
            { Outcome: HumanTaskDecisionOutcome.Decided, Task: { } decided } => TypedResults.Ok(ApprovalMapper.ToItem(decided, WorkflowNames.From(client))),
            { Outcome: HumanTaskDecisionOutcome.Forbidden, Task: { } task } => ApiProblems.Forbidden(NotAssigneeDetail(task, caller)),
            { Outcome: HumanTaskDecisionOutcome.Conflict, Task: { } task } => ApiProblems.Conflict(ConflictDetail(task, time.GetUtcNow().UtcDateTime)),
            _ => ApiProblems.ApprovalNotFound(taskId),
        };
    }

    private static string NotAssigneeDetail(HumanTask task, Caller caller) =>
        $"User '{caller.Name}' is not an assignee of approval '{task.TaskId}'; it may be decided by {string.Join(", ", task.AssignTo)} "
        + "(or an administrator).";

    /// <summary>Why a decision came too late: who decided it and when, that it expired, or that nobody waits any more.</summary>
    private static string ConflictDetail(HumanTask task, DateTime now)
    {
        var id = task.TaskId;
        return task switch
        {
            { Status: HumanTaskStatus.Expired } =>
                $"Approval '{id}' expired at {Iso(task.DecidedAt ?? task.DueAt)} without a decision; it can no longer be decided.",
            { Status: HumanTaskStatus.Withdrawn } =>
                $"Approval '{id}' was withdrawn at {Iso(task.DecidedAt)}: instance '{task.InstanceId}' no longer waits for it.",
            { Status: HumanTaskStatus.Approved or HumanTaskStatus.Rejected } =>
                $"Approval '{id}' was already {ApprovalMapper.StatusText(task.Status)} by {task.DecidedBy ?? "(unknown)"} at {Iso(task.DecidedAt)}.",
            { DueAt: { } due } when UtcTime.Normalize(due) <= now =>
                $"Approval '{id}' expired at {Iso(due)} without a decision; it can no longer be decided.",
            _ => $"Approval '{id}' can no longer be decided: instance '{task.InstanceId}' has finished and no longer waits for it.",
        };
    }

    private static string Iso(DateTime? time) =>
        time is { } t ? UtcTime.Normalize(t).ToString("O", CultureInfo.InvariantCulture) : "(unknown time)";
}
