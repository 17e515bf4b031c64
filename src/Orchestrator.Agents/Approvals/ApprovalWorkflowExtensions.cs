using System.Text.Json;
using Orchestrator.Agents.Internal.Approvals;
using Orchestrator.Core;
using Orchestrator.Core.Governance;

namespace Orchestrator.Agents.Approvals;

/// <summary>Asking a person from workflow code.</summary>
public static class ApprovalWorkflowExtensions
{
    /// <summary>
    /// Stores a durable human task and waits for its decision (for days if need be; the instance costs no memory
    /// meanwhile). While it waits, the instance's custom status is <c>{ "waitingFor": "approval:&lt;taskId&gt;" }</c>.
    /// At the due time the request's timeout rule applies: reject, approve, or escalate to other assignees for another
    /// period (then reject). A person's decision that arrives first always wins.
    /// </summary>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="request">What to ask, whom, and until when.</param>
    /// <returns>The decision, with the approver's edits to the proposed action.</returns>
    public static Task<ApprovalDecision> RequestApprovalAsync(this WorkflowContext ctx, ApprovalRequest request) =>
        RequestApprovalAsync(ctx, request, null);

    /// <summary>
    /// Like <see cref="RequestApprovalAsync(WorkflowContext, ApprovalRequest)"/>, but the caller publishes what the
    /// instance waits for in its own custom status (e.g. a flow that shows its nodes too): <paramref name="onWaiting"/>
    /// gets <c>approval:&lt;taskId&gt;</c> in the step that stores the task, and null when the decision is in.
    /// </summary>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="request">What to ask, whom, and until when.</param>
    /// <param name="onWaiting">Sets the custom status; null sets <c>{ "waitingFor": … }</c> as the other overload does.</param>
    /// <returns>The decision, with the approver's edits to the proposed action.</returns>
    public static async Task<ApprovalDecision> RequestApprovalAsync(this WorkflowContext ctx, ApprovalRequest request, Action<string?>? onWaiting)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(request);
        onWaiting ??= waitingFor => ctx.SetCustomStatus(waitingFor is null ? null : new { waitingFor });
        var taskId = ctx.NewGuid().ToString("N");
        DateTime? dueAt = request.DueIn is { } dueIn ? ctx.CurrentUtcDateTime + dueIn : null;
        // Set in the same step that stores the task, so whoever sees the task also sees what the instance waits for.
        onWaiting(HumanTask.EventNameFor(taskId));
        await ctx.CallActivityAsync<HumanTask>(
            ApprovalActivityNames.Create,
            new CreateApprovalInput(taskId, ctx.InstanceId, ctx.Name, request, dueAt, ctx.Agent, ctx.StartedBy));

        var escalated = false;
        while (true)
        {
            try
            {
                var wait = dueAt is { } due ? due - ctx.CurrentUtcDateTime : (TimeSpan?)null;
                var decision = await ctx.WaitForExternalEventAsync<HumanTaskDecision>(
                    HumanTask.EventNameFor(taskId), wait is { } w && w < TimeSpan.Zero ? TimeSpan.Zero : wait);
                onWaiting(null);
                return ToDecision(decision, timedOut: false);
            }
            catch (TimeoutException)
            {
                var action = escalated ? ApprovalTimeoutAction.Reject : request.OnTimeout;
                if (action == ApprovalTimeoutAction.Escalate && request.EscalateTo is { Count: > 0 } escalateTo && request.DueIn is { } again)
                {
                    dueAt = ctx.CurrentUtcDateTime + again;
                    var escalatedTask = await ctx.CallActivityAsync<HumanTask>(
                        ApprovalActivityNames.Resolve, new ResolveApprovalInput(taskId, HumanTaskStatus.Pending, escalateTo, dueAt));
                    escalated = true;
                    if (escalatedTask.Status != HumanTaskStatus.Pending)
                    {
                        dueAt = null; // a person decided just before the escalation: their decision is on its way
                    }

                    continue;
                }

                var status = action == ApprovalTimeoutAction.Approve ? HumanTaskStatus.Approved : HumanTaskStatus.Expired;
                var task = await ctx.CallActivityAsync<HumanTask>(ApprovalActivityNames.Resolve, new ResolveApprovalInput(taskId, status, null, null));
                if (task.Status is HumanTaskStatus.Approved or HumanTaskStatus.Rejected && task.DecidedBy != SystemDecider)
                {
                    dueAt = null; // a person decided just before the timeout: wait for their decision event
                    continue;
                }

                onWaiting(null);
                return new ApprovalDecision(taskId, status == HumanTaskStatus.Approved, SystemDecider, ctx.CurrentUtcDateTime, "No decision before the due time.", null, TimedOut: true);
            }
        }
    }

    /// <summary>
    /// Takes back a task this instance no longer waits for (another event won a <c>Task.WhenAny</c>, a flow's branch was
    /// cancelled): a pending task becomes <see cref="HumanTaskStatus.Withdrawn"/> and leaves the inbox, and a later
    /// decision is refused. A task someone decided first keeps that decision. One checkpointed step.
    /// </summary>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="taskId">The task (the id in <c>approval:&lt;taskId&gt;</c> that the waiting callback is given).</param>
    /// <returns>The task as it is after the step.</returns>
    public static Task<HumanTask> WithdrawApprovalAsync(this WorkflowContext ctx, string taskId)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentException.ThrowIfNullOrEmpty(taskId);
        return ctx.CallActivityAsync<HumanTask>(ApprovalActivityNames.Resolve, new ResolveApprovalInput(taskId, HumanTaskStatus.Withdrawn, null, null));
    }

    private const string SystemDecider = "system";

    private static ApprovalDecision ToDecision(HumanTaskDecision decision, bool timedOut) =>
        new(
            decision.TaskId,
            decision.Status == HumanTaskStatus.Approved,
            decision.DecidedBy,
            decision.DecidedAt,
            decision.Comment,
            decision.EditsJson is null ? null : JsonDocument.Parse(decision.EditsJson).RootElement.Clone(),
            timedOut);
}
