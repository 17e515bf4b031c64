using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>Sleeps on a durable timer, then reports when it woke (deterministic time).</summary>
[Workflow("it.nap")]
public sealed class NapWorkflow : Workflow<int, DateTime>
{
    public override async Task<DateTime> RunAsync(WorkflowContext ctx, int milliseconds)
    {
        await ctx.CreateTimerAsync(TimeSpan.FromMilliseconds(milliseconds));
        return ctx.CurrentUtcDateTime;
    }
}
