using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>Provider faults become durable retries, or clear failures where retrying cannot help.</summary>
public sealed class ModelFaultTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CallModel_RateLimited_WaitsForRetryAfterThenSucceeds()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Error(429, "Rate limit reached for requests", TimeSpan.FromSeconds(1)), Reply.Text("ok"));
        await using var host = await StartAsync(model);
        var watch = Stopwatch.StartNew();

        var done = await host.RunAsync("test.ask", "hi");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(950), "the policy's 50 ms gives way to the provider's Retry-After");
        model.RequestCount.Should().Be(2);
        (await CompletedStepAsync(host, done.InstanceId)).Attempt.Should().Be(2);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task CallModel_TransientErrorTwiceThenOk_Succeeds(int status)
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Error(status, "upstream hiccup"), Reply.Error(status, "upstream hiccup"), Reply.Text("recovered"));
        await using var host = await StartAsync(model);

        var done = await host.RunAsync("test.ask", "hi");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        OrchestratorJson.Deserialize<ModelResponse>(done.Output)!.Message.Content.Should().Be("recovered");
        model.RequestCount.Should().Be(3);
        (await CompletedStepAsync(host, done.InstanceId)).Attempt.Should().Be(3);
    }

    [Fact]
    public async Task CallModel_ServerErrorsExhaustRetries_FailsWithTheProviderMessageAndRestartCompletes()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Error(500, "upstream exploded"), Reply.Error(502, "upstream exploded"), Reply.Error(503, "upstream exploded"));
        await using var host = await StartAsync(model);

        var failed = await host.RunAsync("test.ask", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should().Contain("upstream exploded").And.Contain("HTTP 503").And.Contain("'default'");
        failed.Error.IsCausedBy(nameof(ModelProviderException)).Should().BeTrue();
        model.RequestCount.Should().Be(3);

        model.Enqueue(Reply.Text("recovered"));
        await host.Client.RestartAsync(failed.InstanceId);
        var done = await host.WaitAsync(failed.InstanceId);

        done.Status.Should().Be(InstanceStatus.Completed);
        OrchestratorJson.Deserialize<ModelResponse>(done.Output)!.Message.Content.Should().Be("recovered");
        model.RequestCount.Should().Be(4);
    }

    [Fact]
    public async Task CallModel_BadRequest_FailsWithoutRetry()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Error(400, "context length exceeded"));
        await using var host = await StartAsync(model);

        var failed = await host.RunAsync("test.ask", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should().Contain("context length exceeded").And.Contain("HTTP 400");
        failed.Error.InnerFailure.IsNonRetriable.Should().BeTrue();
        failed.Error.IsCausedBy(nameof(ModelRequestRejectedException)).Should().BeTrue();
        model.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task CallModel_MalformedResponseBody_IsRetried()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Malformed(), Reply.Text("fine"));
        await using var host = await StartAsync(model);

        var done = await host.RunAsync("test.ask", "hi");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        model.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task CallModel_MalformedResponseBodyEveryTime_FailsSayingSo()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Fallback = Reply.Malformed();
        await using var host = await StartAsync(model);

        var failed = await host.RunAsync("test.ask", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should().Contain("malformed output");
        model.RequestCount.Should().Be(3);
    }

    [Fact]
    public async Task CallModel_SlowerThanTheTimeout_IsRetried()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Delay(TimeSpan.FromSeconds(3), Reply.Text("too late")), Reply.Text("in time"));
        await using var host = await StartAsync(model, new() { ["Orchestrator:Models:default:TimeoutSeconds"] = "0.5" });

        var done = await host.RunAsync("test.ask", "hi");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        OrchestratorJson.Deserialize<ModelResponse>(done.Output)!.Message.Content.Should().Be("in time");
        model.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task CallModel_EndpointUnreachable_RetriesThenFailsSayingSo()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await StartAsync(model, new() { ["Orchestrator:Models:default:Endpoint"] = $"http://127.0.0.1:{ClosedPort()}/v1/" });

        var failed = await host.RunAsync("test.ask", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should().Contain("could not be reached");
        failed.Error.InnerFailure.IsNonRetriable.Should().BeFalse();
    }

    [Fact]
    public async Task CallModel_ModelNotConfigured_FailsNamingTheKeys()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await StartAsync(model);

        var failed = await host.RunAsync("test.ask-missing", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should()
            .Contain("Model 'triage' is not configured").And.Contain("Orchestrator:Models:triage:Model").And.Contain("Orchestrator:Models:triage:ApiKey");
        failed.Error.IsCausedBy(nameof(ModelNotConfiguredException)).Should().BeTrue();
        model.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task CallModel_UnsupportedProvider_FailsNamingTheKey()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await StartAsync(model, new() { ["Orchestrator:Models:default:Provider"] = "anthropic" });

        var failed = await host.RunAsync("test.ask", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should().Contain("Orchestrator:Models:default:Provider").And.Contain("anthropic");
        model.RequestCount.Should().Be(0);
    }

    private Task<WorkflowTestHost> StartAsync(ScriptedModelServer model, Dictionary<string, string?>? settings = null) =>
        WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.With(settings ?? []));

    private static async Task<TaskCompleted> CompletedStepAsync(WorkflowTestHost host, string instanceId) =>
        (await host.Client.GetHistoryAsync(instanceId)).OfType<TaskCompleted>().Single();

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
