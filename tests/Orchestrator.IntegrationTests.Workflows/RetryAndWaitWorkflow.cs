using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>
/// Gets a quote that needs three attempts, then waits for the event "go" (for ten minutes at most) against a one-hour
/// deadline: a timeline shows each failed attempt, the wait with its deadline, and a deadline that never fired.
/// </summary>
[Workflow("it.retry-and-wait")]
public sealed class RetryAndWaitWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext ctx, string item)
    {
        var quote = await ctx.CallActivityAsync<string>(
            "it.flaky-step", item, new RetryPolicy { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(100), BackoffCoefficient = 1 });
        var go = ctx.WaitForExternalEventAsync<string>("go", TimeSpan.FromMinutes(10));
        var deadline = ctx.CreateTimerAsync(TimeSpan.FromHours(1));
        return await Task.WhenAny(go, deadline) == go ? $"{quote}, {await go}" : "too late";
    }
}
