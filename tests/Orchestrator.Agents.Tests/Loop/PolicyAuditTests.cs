using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Loop;

/// <summary>The agent loop's policy decisions and steps in the audit trail, as the agent acting for its person.</summary>
public sealed class PolicyAuditTests : IDisposable
{
    private readonly TestDataFolder _folder = new();
    private readonly ToolLedger _ledger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ToolCalls_DenyAllowAndApproval_AreRecordedOnceAsTheAgentForThePerson()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            ScriptedReply.ToolCalls(("wire_money", new { amount = 5 }), ("crm_lookup", new { orderId = "A-2" })),
            ScriptedReply.ToolCall("billing_refund", new { orderId = "A-2", amount = 900 }),
            ScriptedReply.Reply("Refunded."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) => TestAgents.Register(o, a, _ledger));
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("test.support") { InputJson = "\"Refund A-2\"", StartedBy = "alice" })).InstanceId;
        var task = await host.WaitForPendingTaskAsync();
        (await host.Tasks.DecideAsync(task.TaskId, true, "bob", ["approver"], null, null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Decided);
        (await host.WaitAsync(id)).Status.Should().Be(Core.InstanceStatus.Completed);

        var audit = host.Services.GetRequiredService<IAuditLog>();
        var agentRun = (await audit.QueryAsync(new AuditQuery { InstanceId = task.InstanceId, Limit = AuditQuery.MaxLimit })).Items.Reverse().ToList();
        var policies = agentRun.Where(r => r.Entry.Action.StartsWith("policy.", StringComparison.Ordinal)).ToList();
        policies.Select(r => (r.Entry.Action, r.Entry.Outcome, r.Entry.Details)).Should().BeEquivalentTo(
        [
            ("policy.deny", "denied", """{"tool":"wire_money","rule":"not one of the agent's tools"}"""),
            ("policy.allow", "ok", """{"tool":"crm.lookup","rule":"no approval needed"}"""),
            ("policy.approval", "ok", """{"tool":"billing.refund","rule":"approval required when amount > 500"}"""),
            ("policy.allow", "ok", """{"tool":"billing.refund","rule":"approved by bob"}"""),
        ]);
        policies.Should().OnlyContain(r => r.Entry.Actor == "agent:support" && r.Entry.OnBehalfOf == "user:alice");

        var steps = agentRun.Where(r => r.Entry.Action is "step.model" or "step.tool").ToList();
        steps.Select(r => r.Entry.Action).Should().Equal("step.model", "step.tool", "step.model", "step.tool", "step.model");
        steps.Where(r => r.Entry.Action == "step.tool").Select(r => r.Entry.Details).Should().OnlyContain(d => d!.Contains("\"tool\":"));
        steps.Should().OnlyContain(r => r.Entry.Actor == "agent:support" && r.Entry.OnBehalfOf == "user:alice");
        agentRun.Should().NotContain(r => (r.Entry.Details ?? string.Empty).Contains("900", StringComparison.Ordinal), "arguments are never recorded");

        var approvals = agentRun.Where(r => r.Entry.Action.StartsWith("approval.", StringComparison.Ordinal)).Select(r => (r.Entry.Action, r.Entry.Actor));
        approvals.Should().Equal(("approval.requested", "agent:support"), ("approval.approved", "user:bob"));
        (await audit.VerifyAsync()).Ok.Should().BeTrue();
    }
}
