using Orchestrator.Core;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>
/// A retried activity, then a race between an event with a timeout and a longer deadline timer: the history a timeline
/// must tell truthfully (failed attempts, a wait with its deadline, a timer that never fired).
/// </summary>
[Workflow(Name)]
public sealed class RetryThenWaitWorkflow : Workflow<string, string>
{
    public const string Name = "tests.retry-then-wait";

    public override async Task<string> RunAsync(WorkflowContext ctx, string input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var result = await ctx.CallActivityAsync<string>(
            FlakyActivity.Name, input, new RetryPolicy { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(100), BackoffCoefficient = 1 });
        var go = ctx.WaitForExternalEventAsync<string>("go", TimeSpan.FromMinutes(10));
        var deadline = ctx.CreateTimerAsync(TimeSpan.FromHours(1));
        return await Task.WhenAny(go, deadline) == go ? $"{result}, {await go}" : "too late";
    }
}
