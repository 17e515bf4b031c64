using Orchestrator.Agents.Approvals;
using Orchestrator.Core;
using Orchestrator.Core.Governance;

namespace Orchestrator.Agents.Internal.Approvals;

/// <summary>Applies a timeout rule to a task that is still pending; returns the task as it is (a person may have decided first).</summary>
[Activity(ApprovalActivityNames.Resolve)]
internal sealed class ResolveApprovalActivity(IHumanTaskService tasks) : Activity<ResolveApprovalInput, HumanTask>
{
    public override Task<HumanTask> RunAsync(ActivityContext context, ResolveApprovalInput input) =>
        tasks.ResolveAsync(input.TaskId, input.Status, input.AssignTo, input.DueAt, context.CancellationToken);
}
