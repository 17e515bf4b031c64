using Microsoft.Extensions.Time.Testing;
using Orchestrator.Core;
using Orchestrator.Testing;

namespace Orchestrator.Workflows.Tests.AgentSamples;

/// <summary>The test host runs workflows on a fake clock: a two-day timer fires when the test moves time on.</summary>
public sealed class FakeClockTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task WorkflowTestHost_FakeClock_FiresLongTimersWhenAdvanced()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
        await using var host = await WorkflowTestHost.StartAsync(
            _folder.Path,
            (o, _) => o.AddWorkflow<string, DateTime>("test.cooling-off", async (ctx, _) =>
            {
                await ctx.CreateTimerAsync(TimeSpan.FromDays(2));
                return ctx.CurrentUtcDateTime;
            }),
            clock: clock);
        var id = (await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.cooling-off"))).InstanceId;
        // The first step (creating the timer) runs on the engine's own schedule: wait for it, however busy the machine.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var status = InstanceStatus.Pending;
        while (status == InstanceStatus.Pending && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            status = (await host.Client.GetInstanceAsync(id))!.Status;
        }

        status.Should().Be(InstanceStatus.Running, "the workflow waits on its two-day timer until the clock moves");

        clock.Advance(TimeSpan.FromDays(2));

        var done = await host.WaitAsync(id, timeoutSeconds: 10);
        OrchestratorJson.Deserialize<DateTime>(done.Output).Should().BeOnOrAfter(new DateTime(2026, 3, 3, 9, 0, 0, DateTimeKind.Utc));
    }
}
