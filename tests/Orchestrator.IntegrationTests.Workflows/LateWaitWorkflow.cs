using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>Does slow work first and only then waits for <c>go</c>: an event raised meanwhile must not be lost.</summary>
[Workflow("it.late-wait")]
public sealed class LateWaitWorkflow : Workflow<int, string>
{
    public override async Task<string> RunAsync(WorkflowContext ctx, int delayMs)
    {
        await ctx.CallActivityAsync<int>("it.ledger-write", new LedgerEntry("before-wait", delayMs));
        return await ctx.WaitForExternalEventAsync<string>("go");
    }
}
