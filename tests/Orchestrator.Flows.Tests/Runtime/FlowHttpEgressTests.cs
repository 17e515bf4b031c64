using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Orchestrator.Core;
using Orchestrator.Testing;
using static Orchestrator.Flows.Tests.Runtime.FlowSpec;
using T = Orchestrator.Flows.Model.FlowActivityTypes;

namespace Orchestrator.Flows.Tests.Runtime;

/// <summary>A flow's HTTP node goes out through the same egress client as HTTP tools: no redirects, every address checked.</summary>
public sealed class FlowHttpEgressTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task RunAsync_HttpNodeAnswered307ToAForbiddenHost_GetsThe307_AndNothingReachesThatHost()
    {
        await using var collector = await RecordingHttpEndpoint.StartAsync(http => http.Response.WriteAsJsonAsync(new { collected = true }), "127.0.0.2");
        await using var payments = await RecordingHttpEndpoint.StartAsync(http =>
        {
            http.Response.StatusCode = StatusCodes.Status307TemporaryRedirect;
            http.Response.Headers.Location = collector.BaseUrl + "collect";
            return Task.CompletedTask;
        });
        var flow = new FlowSpec("redirect").Variable("Status", "Int32")
            .Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, new JsonObject
            {
                ["url"] = Literal(payments.BaseUrl + "refunds"),
                ["method"] = Literal("POST"),
                ["content"] = Literal("""{"order":"A-7","amount":40}"""),
                ["authorization"] = Literal("Bearer payments-token"),
                ["expectedStatusCodes"] = Object(new[] { 307 }, "Int32[]"),
                ["statusCode"] = Bind("Status"),
            })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("status"), ["outputValue"] = Js("getStatus()") })
            .Connect("start", "call").Connect("call", "out", "307");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("redirect", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        JsonNode.Parse(done.Output!)!["status"]!.GetValue<int>().Should().Be(307);
        payments.Requests.Should().ContainSingle().Which.Headers["Authorization"].Should().Be("Bearer payments-token");
        collector.Requests.Should().BeEmpty("the body, the Authorization and the Idempotency-Key must not follow the redirect");
    }

    [Fact]
    public async Task RunAsync_HttpNodeToANameThatResolvesToAnAddressTheListDoesNotName_FailsTheNodeNamingTheSetting()
    {
        await using var endpoint = await RecordingHttpEndpoint.StartAsync(new { ok = true });
        var flow = new FlowSpec("rebind").Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, new JsonObject { ["url"] = Literal($"http://localhost:{new Uri(endpoint.BaseUrl).Port}/notify") })
            .Connect("start", "call");
        await using var host = await FlowHost.StartAsync(
            _folder.Path, [flow.Build()], settings: new Dictionary<string, string?> { ["Orchestrator:Tools:Http:AllowedHosts:0"] = "localhost" });

        var done = await host.RunAsync("rebind", null);

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.ErrorMessage.Should().Contain("(call)").And.Contain("'localhost' resolves to 127.0.0.1").And.Contain("Orchestrator:Tools:Http:AllowedHosts");
        endpoint.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task RunAsync_HttpNodeThatCannotConnect_SaysWhereWithoutTheUrlsCredentialsOrQuery()
    {
        int closedPort;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var flow = new FlowSpec("unreachable").Variable("Problem", "Object")
            .Node("start", T.Start)
            .Node("call", T.FlowSendHttpRequest, new JsonObject { ["url"] = Literal($"http://svc:hunter2@127.0.0.1:{closedPort}/refunds?token=abc123") })
            .Node("out", T.SetOutput, new JsonObject { ["outputName"] = Literal("problem"), ["outputValue"] = Js("getOutput('call')") })
            .Connect("start", "call").Connect("call", "out", "Failed to connect");
        await using var host = await FlowHost.StartAsync(_folder.Path, [flow.Build()]);

        var done = await host.RunAsync("unreachable", null);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        done.Output.Should().Contain($"127.0.0.1:{closedPort}/refunds").And.NotContain("hunter2").And.NotContain("abc123");
    }
}
