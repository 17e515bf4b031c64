using Orchestrator.Core.Client;
using Orchestrator.Core.History;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>History says what an instance waits for, and drops the timer of a wait that is over.</summary>
public sealed class WaitRecordTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task WaitWithTimeout_EventFirst_RecordsTheWaitAndTheGivenUpTimer_AndDropsTheStoredTimer(bool cache)
    {
        await using var host = await EngineHost.StartAsync(
            _dir.Path,
            o => o.AddWorkflow<string, string>("guarded", async (ctx, _) =>
            {
                var first = await ctx.WaitForExternalEventAsync<string>("go", TimeSpan.FromHours(1));
                var second = await ctx.WaitForExternalEventAsync<string>("again");
                return first + second;
            }),
            e => e.InstanceCacheEnabled = cache);
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("guarded"))).InstanceId;
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);
        await host.Client.RaiseEventAsync(id, "again", "\"!\"");

        await host.Client.RaiseEventAsync(id, "go", "\"ok\"");

        (await host.WaitAsync(id)).Output.Should().Be("\"ok!\"");
        var history = await host.Client.GetHistoryAsync(id);
        var timer = history.OfType<TimerCreated>().Should().ContainSingle().Subject;
        var wait = history.OfType<EventWaitStarted>().Should().ContainSingle("the second event was already there, so nothing waited for it").Subject;
        (wait.Name, wait.TimerId, wait.Deadline).Should().Be(("go", timer.EventId, timer.FireAt));
        history.OfType<TimerCancelled>().Should().ContainSingle().Which.TimerId.Should().Be(timer.EventId);
        history.OfType<TimerFired>().Should().BeEmpty();
        (await host.Store.GetPendingTimersAsync(10, CancellationToken.None)).Should().BeEmpty();
    }
}
