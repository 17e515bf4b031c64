namespace Orchestrator.Core.Tests.Replay;

/// <summary>The workflows whose recorded histories are kept in Golden/; changing them must keep those histories replaying.</summary>
internal static class GoldenWorkflows
{
    public static readonly IReadOnlyDictionary<string, Func<WorkflowContext, string, Task<string>>> All =
        new Dictionary<string, Func<WorkflowContext, string, Task<string>>>
        {
            ["order-pipeline"] = async (ctx, order) =>
            {
                var reserved = await ctx.CallActivityAsync<string>("reserve", order, new RetryPolicy { MaxAttempts = 3 });
                await ctx.CreateTimerAsync(TimeSpan.FromMinutes(5));
                var shipped = await ctx.CallSubWorkflowAsync<string>("ship", reserved);
                return $"{reserved}/{shipped}";
            },
            ["fan-out"] = async (ctx, input) =>
            {
                var parts = await Task.WhenAll(Enumerable.Range(0, 3).Select(i => ctx.CallActivityAsync<string>("part", $"{input}-{i}")));
                return string.Join(",", parts);
            },
            ["approval-with-timeout"] = async (ctx, input) =>
            {
                ctx.SetCustomStatus(new { waitingFor = "approval" });
                try
                {
                    var decision = await ctx.WaitForExternalEventAsync<string>("decision", TimeSpan.FromDays(1));
                    return $"{input}:{decision}";
                }
                catch (TimeoutException)
                {
                    await ctx.CallActivityAsync("escalate", input);
                    return $"{input}:escalated";
                }
            },
            ["patched"] = async (ctx, input) =>
            {
                var channel = ctx.IsPatched("sms-notifications") ? "sms" : "email";
                await ctx.CallActivityAsync("notify-" + channel, input);
                return channel;
            },
        };
}
