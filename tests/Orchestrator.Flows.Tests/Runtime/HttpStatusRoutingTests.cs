using System.Text.Json.Nodes;
using Orchestrator.Core;
using Orchestrator.Testing;
using static Orchestrator.Flows.Tests.Runtime.FlowSpec;
using T = Orchestrator.Flows.Model.FlowActivityTypes;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>
/// <c>Done</c> of an HTTP node means the call succeeded: a refusal goes to <c>Unmatched status code</c> (or to its own
/// port when it is an expected code), and fails the node when the flow does not handle it. Before, a 401 went to Done.
/// </summary>
public sealed class HttpStatusRoutingTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_401WithoutUnmatchedPort_FailsTheNodeInsteadOfGoingOnAsDone()
    {
        await using var endpoint = await RecordingHttpEndpoint.StartAsync(new { error = "unauthorized" }, status: 401);
        var flow = Flow(endpoint, expected: null);
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("http", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(call)").And.Contain("401").And.Contain("Unmatched status code");
        done.Output.Should().BeNull();
    }

    [Fact]
    public async Task RunAsync_401WithUnmatchedPort_GoesThereWithTheStatusCode()
    {
        await using var endpoint = await RecordingHttpEndpoint.StartAsync(new { error = "unauthorized" }, status: 401);
        var flow = Flow(endpoint, expected: null).Connect("call", "failed", "Unmatched status code");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("http", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["result"]!.GetValue<string>().Should().Be("failed 401");
    }

    [Fact]
    public async Task RunAsync_ExpectedNonSuccessCode_TakesItsOwnPortAndNotDone()
    {
        await using var endpoint = await RecordingHttpEndpoint.StartAsync(new { error = "unauthorized" }, status: 401);
        var flow = Flow(endpoint, expected: [200, 401]).Connect("call", "failed", "401");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("http", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["result"]!.GetValue<string>().Should().Be("failed 401");
    }

    [Fact]
    public async Task RunAsync_SuccessWithoutExpectedCodes_GoesToDone()
    {
        await using var endpoint = await RecordingHttpEndpoint.StartAsync(new { ok = true }, status: 201);
        var flow = Flow(endpoint, expected: null).Connect("call", "failed", "Unmatched status code");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("http", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["result"]!.GetValue<string>().Should().Be("sent 201");
    }

    private static FlowSpec Flow(RecordingHttpEndpoint endpoint, int[]? expected)
    {
        var call = new JsonObject { ["url"] = Literal(endpoint.BaseUrl + "refunds"), ["method"] = Literal("POST"), ["statusCode"] = Bind("Status") };
        if (expected is not null)
        {
            call["expectedStatusCodes"] = Object(expected, "Int32[]");
        }

        return new FlowSpec("http").Variable("Status", "Int32")
            .Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, call)
            .Node("sent", T.SetOutput, new JsonObject { ["outputName"] = Literal("result"), ["outputValue"] = Js("'sent ' + getStatus()") })
            .Node("failed", T.SetOutput, new JsonObject { ["outputName"] = Literal("result"), ["outputValue"] = Js("'failed ' + getStatus()") })
            .Connect("start", "call").Connect("call", "sent");
    }
}
