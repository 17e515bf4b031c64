using System.Text.Json;
using Orchestrator.Core;
using Orchestrator.Core.Governance;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Waits for the decision of the human task named by its input and completes with the decision event's payload.</summary>
[Workflow(Name)]
public sealed class AwaitApprovalWorkflow : Workflow<string, JsonElement>
{
    public const string Name = "tests.await-approval";

    public override Task<JsonElement> RunAsync(WorkflowContext ctx, string input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        return ctx.WaitForExternalEventAsync<JsonElement>(HumanTask.EventNameFor(input));
    }
}
