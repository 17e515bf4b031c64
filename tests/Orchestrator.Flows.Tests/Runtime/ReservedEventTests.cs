using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Testing;
using static Orchestrator.Flows.Tests.Runtime.FlowSpec;
using T = Orchestrator.Flows.Model.FlowActivityTypes;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>An event name computed at run time is held to the same rule as one written in the flow.</summary>
public sealed class ReservedEventTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_EventNameFromAnExpressionIsReserved_FailsTheNodeSayingWhy()
    {
        var flow = new FlowSpec("sneaky").Input("task")
            .Node("start", T.Start)
            .Node("wait", T.Event, new JsonObject { ["eventName"] = Js("'approval:' + getInput('task')", "String") })
            .Connect("start", "wait");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("sneaky", new { task = "4f2a" });

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(wait)").And.Contain("'approval:4f2a' is reserved");
    }
}
