using Orchestrator.Agents.Approvals;
using Orchestrator.Core;
using Orchestrator.Core.Governance;

namespace Orchestrator.Agents.Internal.Approvals;

/// <summary>Stores the human task (idempotent by task id, so a re-delivery finds the task it already created).</summary>
[Activity(ApprovalActivityNames.Create)]
internal sealed class CreateApprovalActivity(IHumanTaskService tasks) : Activity<CreateApprovalInput, HumanTask>
{
    public override Task<HumanTask> RunAsync(ActivityContext context, CreateApprovalInput input)
    {
        var request = input.Request;
        return tasks.CreateAsync(
            new HumanTask
            {
                TaskId = input.TaskId,
                InstanceId = input.InstanceId,
                Workflow = input.Workflow,
                Title = request.Title,
                Details = request.Details,
                ProposedJson = OrchestratorJson.Serialize(request.Proposed),
                ProposedSchemaJson = request.ProposedSchema?.GetRawText(),
                AssignTo = request.AssignTo,
                RequestedByAgent = input.Agent,
                OnBehalfOf = input.OnBehalfOf,
                ContextJson = OrchestratorJson.Serialize(request.Context),
                CreatedAt = DateTime.UtcNow,
                DueAt = input.DueAt,
            },
            context.CancellationToken);
    }
}
