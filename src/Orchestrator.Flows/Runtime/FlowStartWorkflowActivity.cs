using Orchestrator.Core;
using Orchestrator.Core.Client;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// The step of an <c>Elsa.ExecuteWorkflow</c> node with <c>waitForCompletion</c> false: starts another workflow and goes
/// on without waiting. The flow picks the new instance's id, so running the step again (at-least-once) finds the
/// instance it started the first time instead of starting a second one.
/// </summary>
[Activity(Name)]
internal sealed class FlowStartWorkflowActivity(IWorkflowClient client) : Activity<FlowStartWorkflowRequest, string>
{
    public const string Name = "flow.start-workflow";

    public override async Task<string> RunAsync(ActivityContext context, FlowStartWorkflowRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var started = await client.StartAsync(
                new StartWorkflowRequest(input.Workflow)
                {
                    Version = input.Version,
                    InputJson = input.InputJson,
                    InstanceId = input.InstanceId,
                    StartedBy = input.StartedBy,
                    Tags = new Dictionary<string, string> { ["parent"] = input.Parent },
                },
                context.CancellationToken);
            return started.InstanceId;
        }
        catch (WorkflowNotFoundException e)
        {
            throw new NonRetriableException($"Node '{input.NodeId}' starts the workflow '{input.Workflow}', which cannot be started: {e.Message}");
        }
    }
}
