using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Runtime;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>Only the approval service answers an approval: reserved event names cannot be raised by any other door.</summary>
public sealed class ReservedEventTests : IDisposable
{
    private const string TaskId = "task-7";

    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void Register(OrchestratorBuilder o)
    {
        o.AddWorkflow<string, string>("needs-decision", async (ctx, _) =>
        {
            var decision = await ctx.WaitForExternalEventAsync<HumanTaskDecision>(HumanTask.EventNameFor(TaskId));
            return $"{decision.Status} by {decision.DecidedBy}";
        });
        o.AddWorkflow<string, string>("forger", (ctx, target) =>
        {
            ctx.SendEvent(target, HumanTask.EventNameFor(TaskId), new HumanTaskDecision(TaskId, HumanTaskStatus.Approved, "mallory", ctx.CurrentUtcDateTime, null, null));
            return Task.FromResult("sent");
        });
    }

    [Theory]
    [InlineData("approval:task-7")]
    [InlineData("APPROVAL:task-7")]
    [InlineData(" approval:task-7")]
    [InlineData("orchestrator:anything")]
    public async Task RaiseEventAsync_ReservedName_IsRefusedAndTheInstanceKeepsWaiting(string name)
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);
        var id = await StartWaitingAsync(host);

        var raise = () => host.Client.RaiseEventAsync(id, name, """{"taskId":"task-7","status":"Approved","decidedBy":"mallory"}""");

        (await raise.Should().ThrowAsync<ReservedEventException>()).Which.Message.Should().Be(ReservedEvents.Check(name));
        await AssertStillWaitingThenDecidedByAliceAsync(host, id);
    }

    [Fact]
    public async Task SendEvent_ReservedName_FailsTheSenderAndTheTargetKeepsWaiting()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);
        var id = await StartWaitingAsync(host);

        var forger = await host.RunAsync("forger", id);

        forger.Status.Should().Be(InstanceStatus.Failed);
        forger.Error!.ErrorMessage.Should().Contain("POST /api/approvals/{taskId}/decision");
        await AssertStillWaitingThenDecidedByAliceAsync(host, id);
    }

    [Fact]
    public async Task ReservedEventInTheInbox_NotRaisedByTheEngine_NeverSatisfiesTheWait()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);
        var id = await StartWaitingAsync(host);

        // Past every door: straight into the inbox, as a store written by other code could hold it.
        var forged = new EventRaised(-1, DateTime.UtcNow, HumanTask.EventNameFor(TaskId),
            OrchestratorJson.Serialize(new HumanTaskDecision(TaskId, HumanTaskStatus.Approved, "mallory", DateTime.UtcNow, null, null)));
        var written = (await host.Store.WriteAsync([new EnqueueWrite(id, forged)], CancellationToken.None))[0];
        host.Engine.Deliver(id, new PendingEvent(forged, written.Enqueued[0].Id));

        await AssertStillWaitingThenDecidedByAliceAsync(host, id);
        (await host.Client.GetHistoryAsync(id)).OfType<EventRaised>().Should().ContainSingle()
            .Which.RaisedByEngine.Should().BeTrue();
    }

    [Fact]
    public async Task ReservedEventInTheInbox_AfterARestart_IsDroppedAndTheDecisionStillWins()
    {
        string id;
        await using (var host = await EngineHost.StartAsync(_dir.Path, Register))
        {
            id = await StartWaitingAsync(host);
            var forged = new EventRaised(-1, DateTime.UtcNow, HumanTask.EventNameFor(TaskId), null);
            await host.Engine.Store.WriteAsync([new EnqueueWrite(id, forged)], CancellationToken.None);
        }

        await using var restarted = await EngineHost.StartAsync(_dir.Path, Register);
        await AssertStillWaitingThenDecidedByAliceAsync(restarted, id);
    }

    private static async Task<string> StartWaitingAsync(EngineHost host)
    {
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("needs-decision"))).InstanceId;
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);
        await host.Services.GetRequiredService<IHumanTaskService>().CreateAsync(new HumanTask
        {
            TaskId = TaskId,
            InstanceId = id,
            Workflow = "needs-decision",
            Title = "Refund $900?",
            AssignTo = ["user:alice"],
            CreatedAt = DateTime.UtcNow,
        });
        return id;
    }

    private static async Task AssertStillWaitingThenDecidedByAliceAsync(EngineHost host, string id)
    {
        await Task.Delay(300);
        (await host.Client.GetInstanceAsync(id))!.Status.Should().Be(InstanceStatus.Running);
        var tasks = host.Services.GetRequiredService<IHumanTaskService>();
        (await tasks.GetAsync(TaskId))!.Status.Should().Be(HumanTaskStatus.Pending);

        var decided = await tasks.DecideAsync(TaskId, approve: false, "alice", [], null, null);

        decided.Outcome.Should().Be(HumanTaskDecisionOutcome.Decided);
        (await host.WaitAsync(id)).Output.Should().Be("\"Rejected by alice\"");
    }
}
