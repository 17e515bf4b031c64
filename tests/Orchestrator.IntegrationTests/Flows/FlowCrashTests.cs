using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Flows;

/// <summary>
/// Designer flows keep the engine's crash promises: a flow paused at an <c>Orchestrator.Approval</c> and a flow in the
/// middle of a fork (one branch done, the other waiting on an <c>Elsa.Event</c>) survive <c>kill -9</c> of the server,
/// finish after the restart, and no node's step runs twice.
/// </summary>
public sealed class FlowCrashTests
{
    [Fact]
    public async Task KillNine_FlowAtApprovalAndFlowMidFork_FinishAfterRestartWithoutRepeatedSteps()
    {
        using var folder = new TestFolder("flows-kill9");
        var server = await ServerProcess.StartAsync(folder, new ServerOptions());
        try
        {
            await server.Api.PostJsonAsync("/api/definitions/import?publish=true", ApprovalFlow);
            await server.Api.PostJsonAsync("/api/definitions/import?publish=true", ForkFlow);
            var approvalId = await server.Api.StartAsync("crash-approval", new { amount = 450 }, "flow-approval-1");
            var forkId = await server.Api.StartAsync("crash-fork", new { }, "flow-fork-1");

            var task = await server.Api.WaitForPendingApprovalAsync(TimeSpan.FromSeconds(30));
            task.GetProperty("instanceId").GetString().Should().Be(approvalId);
            await WaitForNodesAsync(server.Api, forkId, ("branch-a", "done"), ("wait", "waiting"));

            server.Kill();
            await server.DisposeAsync();
            server = await ServerProcess.StartAsync(folder, new ServerOptions());

            await server.Api.PostJsonAsync(
                $"/api/approvals/{Uri.EscapeDataString(task.GetProperty("taskId").GetString()!)}/decision",
                """{ "decision": "approve", "comment": "after the crash" }""");
            await server.Api.RaiseAsync(forkId, "go", new { ok = true });

            var approved = await server.Api.WaitForStatusAsync(approvalId, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(60));
            var forked = await server.Api.WaitForStatusAsync(forkId, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(60));
            approved.GetProperty("status").GetString().Should().Be("Completed", approved.ToString());
            forked.GetProperty("status").GetString().Should().Be("Completed", forked.ToString());
            approved.GetProperty("output").GetProperty("result").GetString().Should().Be("approved");
            forked.GetProperty("output").GetProperty("result").GetString().Should().Be("joined");
            await ShouldHaveNoRepeatedStepsAsync(server.Api, approvalId);
            await ShouldHaveNoRepeatedStepsAsync(server.Api, forkId);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    /// <summary>Start → WriteLine → Approval → (Approved) SetOutput "approved" → End.</summary>
    private const string ApprovalFlow = """
        {"definitionId":"crash-approval","name":"Crash: approval","version":1,
         "inputs":[{"type":"Double","name":"amount","displayName":"Amount","isArray":false}],
         "outputs":[{"type":"String","name":"result","displayName":"Result","isArray":false}],
         "root":{"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[
          {"id":"start","type":"Elsa.Start","version":1},
          {"id":"before","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"asking"}}},
          {"id":"approve","type":"Orchestrator.Approval","version":1,
           "title":{"typeName":"String","expression":{"type":"Liquid","value":"Refund {{ Input.amount }}"}},
           "assignTo":{"typeName":"String[]","expression":{"type":"Object","value":"[\"role:approver\",\"role:admin\"]"}}},
          {"id":"yes","type":"Elsa.SetOutput","version":1,
           "outputName":{"typeName":"String","expression":{"type":"Literal","value":"result"}},
           "outputValue":{"typeName":"Object","expression":{"type":"Literal","value":"approved"}}},
          {"id":"no","type":"Elsa.SetOutput","version":1,
           "outputName":{"typeName":"String","expression":{"type":"Literal","value":"result"}},
           "outputValue":{"typeName":"Object","expression":{"type":"Literal","value":"rejected"}}},
          {"id":"end","type":"Elsa.End","version":1}],
         "connections":[
          {"source":{"activity":"start","port":"Done"},"target":{"activity":"before","port":"In"}},
          {"source":{"activity":"before","port":"Done"},"target":{"activity":"approve","port":"In"}},
          {"source":{"activity":"approve","port":"Approved"},"target":{"activity":"yes","port":"In"}},
          {"source":{"activity":"approve","port":"Rejected"},"target":{"activity":"no","port":"In"}},
          {"source":{"activity":"yes","port":"Done"},"target":{"activity":"end","port":"In"}},
          {"source":{"activity":"no","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;

    /// <summary>Start → Fork(A, B); A: WriteLine; B: Event "go"; Join WaitAll → SetOutput "joined" → End.</summary>
    private const string ForkFlow = """
        {"definitionId":"crash-fork","name":"Crash: fork","version":1,
         "outputs":[{"type":"String","name":"result","displayName":"Result","isArray":false}],
         "root":{"id":"fc","type":"Elsa.Flowchart","version":1,"activities":[
          {"id":"start","type":"Elsa.Start","version":1},
          {"id":"fork","type":"Elsa.FlowFork","version":1,"branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"A\",\"B\"]"}}},
          {"id":"branch-a","type":"Elsa.WriteLine","version":1,"text":{"typeName":"String","expression":{"type":"Literal","value":"branch A"}}},
          {"id":"wait","type":"Elsa.Event","version":1,"eventName":{"typeName":"String","expression":{"type":"Literal","value":"go"}}},
          {"id":"join","type":"Elsa.FlowJoin","version":1,
           "mode":{"typeName":"Elsa.Workflows.Activities.Flowchart.Models.FlowJoinMode, Elsa.Workflows.Core","expression":{"type":"Literal","value":"WaitAll"}}},
          {"id":"out","type":"Elsa.SetOutput","version":1,
           "outputName":{"typeName":"String","expression":{"type":"Literal","value":"result"}},
           "outputValue":{"typeName":"Object","expression":{"type":"Literal","value":"joined"}}},
          {"id":"end","type":"Elsa.End","version":1}],
         "connections":[
          {"source":{"activity":"start","port":"Done"},"target":{"activity":"fork","port":"In"}},
          {"source":{"activity":"fork","port":"A"},"target":{"activity":"branch-a","port":"In"}},
          {"source":{"activity":"fork","port":"B"},"target":{"activity":"wait","port":"In"}},
          {"source":{"activity":"branch-a","port":"Done"},"target":{"activity":"join","port":"In"}},
          {"source":{"activity":"wait","port":"Done"},"target":{"activity":"join","port":"In"}},
          {"source":{"activity":"join","port":"Done"},"target":{"activity":"out","port":"In"}},
          {"source":{"activity":"out","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;

    /// <summary>Waits until the instance's customStatus.flow.nodes has each node in the given state.</summary>
    private static async Task WaitForNodesAsync(ApiClient api, string instanceId, params (string Node, string State)[] expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var instance = await api.GetAsync(instanceId);
            instance.GetProperty("status").GetString().Should().NotBe("Failed", instance.ToString());
            if (instance.GetProperty("customStatus") is { ValueKind: JsonValueKind.Object } custom
                && custom.TryGetProperty("flow", out var flow)
                && flow.TryGetProperty("nodes", out var nodes)
                && expected.All(e => nodes.TryGetProperty(e.Node, out var node) && node.GetProperty("state").GetString() == e.State))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Instance {instanceId} did not reach {string.Join(", ", expected)}: {instance}");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Every completed step (but the workflow itself) appears once: nothing ran again after the restart.</summary>
    private static async Task ShouldHaveNoRepeatedStepsAsync(ApiClient api, string instanceId)
    {
        var steps = (await api.HistoryAsync(instanceId)).GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() != "workflow" && s.GetProperty("status").GetString() == "Completed")
            .Select(s => s.GetProperty("kind").GetString() + " " + s.GetProperty("name").GetString())
            .ToList();
        steps.Should().OnlyHaveUniqueItems($"no step of {instanceId} may run twice");
    }
}
