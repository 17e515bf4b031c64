using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Testing;
using Orchestrator.Workflows.SupportTriage;

namespace Orchestrator.Workflows.Tests.AgentSamples;

public sealed class SupportTriageTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task SupportTriage_RefundAboveLimit_IsApprovedThenSentToBilling_AndTheConversationRemembers()
    {
        await using var billing = await RecordingHttpEndpoint.StartAsync(new { refundId = "R-1" });
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(
            ScriptedReply.ToolCall("crm_lookup-order", new { orderId = "A-1002" }),
            ScriptedReply.ToolCall("billing_refund", new { orderId = "A-1002", amount = 749.00, reason = "delivered damaged" }),
            ScriptedReply.Reply("I have refunded $749 for your damaged machine."),
            ScriptedReply.Reply("You're welcome!"));
        await using var host = await WorkflowTestHost.StartAsync(
            _folder.Path,
            (o, agents) =>
            {
                o.AddWorkflowsFrom(typeof(SamplesAssembly).Assembly);
                agents.AddToolsFrom(typeof(SamplesAssembly).Assembly);
            },
            model,
            new Dictionary<string, string?>
            {
                ["Orchestrator:Tools:Http:Endpoints:billing.refund:Url"] = billing.BaseUrl + "refunds",
                ["Orchestrator:Tools:Http:Endpoints:billing.refund:Description"] = "Issues a refund.",
                ["Orchestrator:Tools:Http:Endpoints:billing.refund:Schema"] =
                    """{"type":"object","properties":{"orderId":{"type":"string"},"amount":{"type":"number"},"reason":{"type":"string"}},"required":["orderId","amount"]}""",
            });
        var id = (await host.Client.StartAsync(new Core.Client.StartWorkflowRequest(SupportTriageWorkflow.Name)
        {
            InputJson = OrchestratorJson.Serialize(new SupportRequest("grace@example.com", "My espresso machine arrived broken!", TimeSpan.FromSeconds(30))),
            StartedBy = "grace",
        })).InstanceId;

        var task = await host.WaitForPendingTaskAsync();
        task.Title.Should().Contain("billing.refund");
        billing.Requests.Should().BeEmpty("a refund above $500 waits for a person");
        (await host.Tasks.DecideAsync(task.TaskId, true, "sam", ["approver"], "Photos confirm the damage.", null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Decided);

        await model.WaitForRequestsAsync(3, TimeSpan.FromSeconds(20));
        var refund = billing.Requests.Single();
        refund.Body.Should().Contain("\"amount\":749");
        refund.Headers["X-Orchestrator-Agent"].Should().Be("support-triage");
        refund.Headers["X-Orchestrator-On-Behalf-Of"].Should().Be("grace");

        await Task.Delay(200);
        await host.Client.RaiseEventAsync(id, "customer-message", "\"Thanks a lot!\"");
        await model.WaitForRequestsAsync(4, TimeSpan.FromSeconds(20));
        await host.Client.RaiseEventAsync(id, "close", null);
        var done = await host.WaitAsync(id);

        var conversation = OrchestratorJson.Deserialize<SupportConversation>(done.Output)!;
        conversation.Replies.Should().Equal("I have refunded $749 for your damaged machine.", "You're welcome!");
        var lastRequest = model.Requests[3].Body.GetRawText();
        lastRequest.Should().Contain("My espresso machine arrived broken!").And.Contain("I have refunded $749", "the second run remembers the conversation");
    }
}
