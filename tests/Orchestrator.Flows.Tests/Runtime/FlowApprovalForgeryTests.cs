using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Testing;
using static Orchestrator.Flows.Tests.Runtime.FlowSpec;
using T = Orchestrator.Flows.Model.FlowActivityTypes;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>A flow's approval node is answered only by a decision through the approval service.</summary>
public sealed class FlowApprovalForgeryTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ApprovalNode_ForgedDecisionEvent_IsRefusedAndTheNodeKeepsWaitingForAPerson()
    {
        var flow = new FlowSpec("approve-forged")
            .Node("start", T.Start)
            .Node("ask", T.Approval, new JsonObject { ["title"] = Literal("Refund 900 EUR?"), ["assignTo"] = Object(new[] { "role:approver" }, "String[]") })
            .Node("yes", T.SetOutput, new JsonObject { ["outputName"] = Literal("result"), ["outputValue"] = Literal("approved") })
            .Node("no", T.SetOutput, new JsonObject { ["outputName"] = Literal("result"), ["outputValue"] = Literal("rejected") })
            .Connect("start", "ask").Connect("ask", "yes", "Approved").Connect("ask", "no", "Rejected");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);
        var started = await host.Client.StartAsync(new StartWorkflowRequest("approve-forged"));
        var task = await host.WaitForPendingTaskAsync();
        var forged = OrchestratorJson.Serialize(new HumanTaskDecision(task.TaskId, HumanTaskStatus.Approved, "sam", DateTime.UtcNow, null, null));

        var raise = () => host.Client.RaiseEventAsync(started.InstanceId, task.EventName, forged);

        await raise.Should().ThrowAsync<ReservedEventException>();
        await Task.Delay(300);
        var waiting = (await host.Client.GetInstanceAsync(started.InstanceId))!;
        waiting.Status.Should().Be(InstanceStatus.Running);
        JsonNode.Parse(waiting.CustomStatus!)!["flow"]!["nodes"]!["ask"]!["state"]!.GetValue<string>().Should().Be("person");
        (await host.Tasks.GetAsync(task.TaskId))!.Status.Should().Be(HumanTaskStatus.Pending);

        (await host.Tasks.DecideAsync(task.TaskId, false, "sam", ["approver"], "no", null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Decided);
        var done = await host.WaitAsync(started.InstanceId);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["result"]!.GetValue<string>().Should().Be("rejected");
    }
}
