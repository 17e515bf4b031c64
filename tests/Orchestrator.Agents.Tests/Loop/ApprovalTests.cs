using Orchestrator.Agents.Approvals;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Loop;

public sealed class ApprovalTests : IDisposable
{
    private readonly TestDataFolder _folder = new();
    private readonly ToolLedger _ledger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RefundAboveLimit_WaitsForApproval_EditsReachTheTool()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("billing_refund", new { orderId = "A-2", amount = 900 }), ScriptedReply.Reply("Refunded."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));
        var id = (await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.support") { InputJson = "\"Refund A-2\"", StartedBy = "alice" })).InstanceId;

        var task = await host.WaitForPendingTaskAsync();
        task.Title.Should().Be("support wants to call billing.refund");
        task.ProposedJson.Should().Contain("\"amount\":900");
        task.ProposedSchemaJson.Should().NotBeNull("the approver's edit form is made from the tool's argument schema");
        task.ProposedSchemaJson.Should().Contain("\"amount\"").And.Contain("\"orderId\"");
        task.RequestedByAgent.Should().Be("support");
        task.OnBehalfOf.Should().Be("alice");
        _ledger.Calls.Should().BeEmpty("nothing is refunded before the decision");
        var child = (await host.Client.GetInstanceAsync(task.InstanceId))!;
        child.CustomStatus.Should().Be($"{{\"waitingFor\":\"approval:{task.TaskId}\"}}");

        (await host.Tasks.DecideAsync(task.TaskId, true, "bob", ["approver"], "Partial refund only", "{\"amount\":450}")).Outcome
            .Should().Be(HumanTaskDecisionOutcome.Decided);

        var done = await host.WaitAsync(id);
        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        _ledger.Calls.Single().Detail.Should().Be("A-2:450");
    }

    [Fact]
    public async Task ToolApproval_ForgedDecisionEvent_IsRefusedAndTheAgentKeepsWaiting()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("billing_refund", new { orderId = "A-3", amount = 900 }), ScriptedReply.Reply("Refunded."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));
        var id = (await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.support") { InputJson = "\"Refund A-3\"", StartedBy = "alice" })).InstanceId;
        var task = await host.WaitForPendingTaskAsync();
        var forgedDecision = OrchestratorJson.Serialize(new HumanTaskDecision(task.TaskId, HumanTaskStatus.Approved, "bob", DateTime.UtcNow, null, "{\"amount\":9000}"));

        var raise = () => host.Client.RaiseEventAsync(task.InstanceId, task.EventName, forgedDecision);

        await raise.Should().ThrowAsync<Core.Client.ReservedEventException>();
        await Task.Delay(300);
        _ledger.Calls.Should().BeEmpty("a forged decision must not run the tool");
        (await host.Tasks.GetAsync(task.TaskId))!.Status.Should().Be(HumanTaskStatus.Pending);
        (await host.Client.GetInstanceAsync(task.InstanceId))!.CustomStatus.Should().Be($"{{\"waitingFor\":\"approval:{task.TaskId}\"}}");

        (await host.Tasks.DecideAsync(task.TaskId, true, "bob", ["approver"], null, null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Decided);
        (await host.WaitAsync(id)).Status.Should().Be(InstanceStatus.Completed);
        _ledger.Calls.Single().Detail.Should().Be("A-3:900");
    }

    [Fact]
    public async Task RefundBelowLimit_RunsWithoutApproval()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("billing_refund", new { orderId = "A-1", amount = 40 }), ScriptedReply.Reply("Refunded."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));

        var done = await host.RunAsync("test.support", "Refund A-1");

        done.Status.Should().Be(InstanceStatus.Completed);
        _ledger.Calls.Single().Detail.Should().Be("A-1:40");
        (await host.Tasks.QueryAsync(new HumanTaskQuery())).Should().BeEmpty();
    }

    [Fact]
    public async Task Rejected_ToolIsNotCalledAndTheModelIsTold()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("billing_refund", new { orderId = "A-2", amount = 900 }), ScriptedReply.Reply("The refund was declined."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));
        var id = (await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.support") { InputJson = "\"Refund A-2\"" })).InstanceId;
        var task = await host.WaitForPendingTaskAsync();

        await host.Tasks.DecideAsync(task.TaskId, false, "bob", ["approver"], "Not covered", null);

        (await host.WaitAsync(id)).Status.Should().Be(InstanceStatus.Completed);
        _ledger.Calls.Should().BeEmpty();
        model.Requests[1].Body.GetRawText().Should().Contain("did not approve").And.Contain("Not covered");
    }

    [Fact]
    public async Task Withdraw_AfterAnotherEventWins_TaskLeavesTheInboxAndALaterDecisionIsRefused()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, register: (o, _) => o.AddWorkflow<string, string>("test.withdraw", async (ctx, _) =>
        {
            string? taskId = null;
            var approval = ctx.RequestApprovalAsync(new ApprovalRequest { Title = "Ship it?", AssignTo = ["role:approver"] }, waitingFor =>
            {
                taskId ??= waitingFor is null ? null : HumanTask.TaskIdOf(waitingFor);
                ctx.SetCustomStatus(waitingFor is null ? null : new { waitingFor });
            });
            var cancel = ctx.WaitForExternalEventAsync<string>("cancel");
            if (await Task.WhenAny(approval, cancel) == approval)
            {
                return "decided";
            }

            var task = await ctx.WithdrawApprovalAsync(taskId!);
            return task.Status.ToString();
        }));
        var id = (await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.withdraw") { InputJson = "\"go\"" })).InstanceId;
        var pending = await host.WaitForPendingTaskAsync();

        await host.Client.RaiseEventAsync(id, "cancel", "\"stop\"");
        var done = await host.WaitAsync(id);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        done.Output.Should().Be("\"Withdrawn\"");
        (await host.Tasks.GetAsync(pending.TaskId))!.Status.Should().Be(HumanTaskStatus.Withdrawn);
        (await host.Tasks.QueryAsync(new HumanTaskQuery { Status = HumanTaskStatus.Pending })).Should().BeEmpty();
        (await host.Tasks.DecideAsync(pending.TaskId, true, "bob", ["approver"], null, null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Conflict);
    }

    [Fact]
    public async Task Timeout_EscalatesThenRejects()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, _) => o.AddWorkflow<string, ApprovalDecision>("test.escalate", (ctx, _) =>
            ctx.RequestApprovalAsync(new ApprovalRequest
            {
                Title = "Ship the hazardous parcel?",
                AssignTo = ["user:carol"],
                DueIn = TimeSpan.FromMilliseconds(600),
                OnTimeout = ApprovalTimeoutAction.Escalate,
                EscalateTo = ["user:dana"],
            })));
        var id = (await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.escalate"))).InstanceId;
        var task = await host.WaitForPendingTaskAsync();
        task.AssignTo.Should().Equal("user:carol");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        HumanTask? escalated = null;
        while (DateTime.UtcNow < deadline && escalated?.AssignTo.Contains("user:dana") != true)
        {
            escalated = await host.Tasks.GetAsync(task.TaskId);
            await Task.Delay(50);
        }

        escalated!.AssignTo.Should().Equal("user:dana");
        escalated.Status.Should().Be(HumanTaskStatus.Pending);
        var done = await host.WaitAsync(id);
        var decision = OrchestratorJson.Deserialize<ApprovalDecision>(done.Output)!;
        decision.Approved.Should().BeFalse();
        decision.TimedOut.Should().BeTrue();
        (await host.Tasks.GetAsync(task.TaskId))!.Status.Should().Be(HumanTaskStatus.Expired);
    }
}
