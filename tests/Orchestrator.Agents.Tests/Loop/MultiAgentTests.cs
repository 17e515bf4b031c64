using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Core.Storage;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Loop;

public sealed class MultiAgentTests : IDisposable
{
    private readonly TestDataFolder _folder = new();
    private readonly ToolLedger _ledger = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task HandOff_AgentAsTool_RunsTheOtherAgentAsItsOwnChildInstance()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            ScriptedReply.ToolCall("agent_billing", new { input = "Refund A-1 by $40" }),
            ScriptedReply.ToolCall("billing_refund", new { orderId = "A-1", amount = 40 }),
            ScriptedReply.Reply("Refund of $40 issued."),
            ScriptedReply.Reply("Billing says: refund of $40 issued."));
        var billing = new AgentDefinition { Name = "billing", Description = "Handles refunds.", Instructions = "You issue refunds.", Tools = ["billing.refund"] };
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) =>
        {
            TestAgents.Register(o, a, _ledger);
            a.AddAgent(billing);
            o.AddWorkflow<string, AgentRunResult>("test.front-desk", (ctx, message) => ctx.RunAgentAsync(
                new AgentDefinition { Name = "front-desk", Instructions = "Route requests.", Tools = ["agent:billing"] }, message));
        });

        var done = await host.RunAsync("test.front-desk", "I want my $40 back for A-1");

        OrchestratorJson.Deserialize<AgentRunResult>(done.Output)!.Output.Should().Be("Billing says: refund of $40 issued.");
        _ledger.Calls.Single().Agent.Should().Be("billing");
        (await host.Client.ListInstancesAsync(new InstanceQuery { TagKey = "agent", TagValue = "billing" })).Items.Should().ContainSingle();
        model.Requests[1].Body.GetRawText().Should().Contain("You issue refunds.");
    }

    [Fact]
    public async Task Supervisor_FanOutToAgents_RunsThemInParallelChildren()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Reply("one"), ScriptedReply.Reply("two"), ScriptedReply.Reply("three"));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, _) => o.AddWorkflow<string, string[]>("test.fan", async (ctx, topic) =>
        {
            var results = await Task.WhenAll(Enumerable.Range(1, 3).Select(i =>
                ctx.RunAgentAsync(new AgentDefinition { Name = $"r{i}", Instructions = "Research." }, topic)));
            return [.. results.Select(r => r.Output!).Order()];
        }));

        var done = await host.RunAsync("test.fan", "espresso");

        OrchestratorJson.Deserialize<string[]>(done.Output).Should().Equal("one", "three", "two");
        (await host.Client.ListInstancesAsync(new InstanceQuery { ParentInstanceId = done.InstanceId })).Items.Should().HaveCount(3);
    }

    [Fact]
    public async Task Limits_CostAndTokens_EndTheRunWithAClearStatus()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.ToolCall("crm_lookup", new { orderId = "A-1" }).WithUsage(400_000, 10_000), ScriptedReply.Reply("never reached"));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) =>
        {
            TestAgents.Register(o, a, _ledger);
            o.AddWorkflow<string, AgentRunResult>("test.budget", (ctx, m) => ctx.RunAgentAsync(
                new AgentDefinition { Name = "spender", Instructions = "Spend.", Tools = ["crm.lookup"], Limits = new AgentLimits { MaxCostUsd = 0.50m } }, m));
        });

        var result = OrchestratorJson.Deserialize<AgentRunResult>((await host.RunAsync("test.budget", "go")).Output)!;

        result.Status.Should().Be(AgentRunStatus.MaxCostReached);
        result.CostUsd.Should().Be(0.88m);
        result.Reason.Should().Contain("$0.88").And.Contain("$0.5");
        model.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task Limits_TokensAndDeadline_EndTheRunWithTheirStatus()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            ScriptedReply.ToolCall("crm_lookup", new { orderId = "A-1" }).WithUsage(900, 200),
            ScriptedReply.ToolCall("crm_lookup", new { orderId = "A-1" }).WithUsage(10, 10));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: (o, a) =>
        {
            TestAgents.Register(o, a, _ledger);
            o.AddWorkflow<string, AgentRunResult>("test.tokens", (ctx, m) => ctx.RunAgentAsync(
                new AgentDefinition { Name = "talker", Instructions = "Talk.", Tools = ["crm.lookup"], Limits = new AgentLimits { MaxTokens = 1_000 } }, m));
            o.AddWorkflow<string, AgentRunResult>("test.deadline", (ctx, m) => ctx.RunAgentAsync(
                new AgentDefinition { Name = "slow", Instructions = "Think.", Tools = ["crm.lookup"], Limits = new AgentLimits { Deadline = TimeSpan.FromMilliseconds(1) } }, m));
        });

        var tokens = OrchestratorJson.Deserialize<AgentRunResult>((await host.RunAsync("test.tokens", "go")).Output)!;
        var deadline = OrchestratorJson.Deserialize<AgentRunResult>((await host.RunAsync("test.deadline", "go")).Output)!;

        tokens.Status.Should().Be(AgentRunStatus.MaxTokensReached);
        tokens.Reason.Should().Contain("1,100").And.Contain("1,000");
        deadline.Status.Should().Be(AgentRunStatus.DeadlineReached);
        deadline.Turns.Should().BeLessThanOrEqualTo(1, "the deadline is checked before every turn");
    }
}
