using System.Diagnostics;
using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Models;

public sealed class ModelCallTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static void Register(Core.Hosting.OrchestratorBuilder o, AgentsBuilder _)
    {
        o.AddWorkflow<string, ModelResponse>("test.ask", (ctx, question) => ctx.CallModelAsync(new ModelRequest
        {
            Messages = [ModelMessage.User(question)],
        }, new RetryPolicy { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(50) }));
        o.AddWorkflow<string, ModelResponse>("test.ask-missing", (ctx, question) => ctx.CallModelAsync(new ModelRequest
        {
            Model = "triage",
            Messages = [ModelMessage.User(question)],
        }));
        o.AddWorkflow<string, Verdict>("test.classify", (ctx, question) => ctx.CallModelAsync<Verdict>(new ModelRequest
        {
            Messages = [ModelMessage.User(question)],
        }, repairAttempts: 1));
        o.AddWorkflow<string, ModelResponse>("test.stream", (ctx, question) => ctx.CallModelAsync(new ModelRequest
        {
            Messages = [ModelMessage.User(question)],
            Stream = true,
        }));
    }

    [Fact]
    public async Task CallModel_RecordsRequestResponseUsageAndCost()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Reply("Paris.").WithUsage(1_000, 200, 400));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);

        var done = await host.RunAsync("test.ask", "Capital of France?");

        var response = OrchestratorJson.Deserialize<ModelResponse>(done.Output)!;
        response.Message.Content.Should().Be("Paris.");
        response.Model.Should().Be("default");
        response.FinishReason.Should().Be("stop");
        response.Usage.Should().Be(new TokenUsage(1_000, 400, 200));
        response.CostUsd.Should().Be(((600m * 2) + (400m * 0.5m) + (200m * 8)) / 1_000_000m);
        var history = await host.Client.GetHistoryAsync(done.InstanceId);
        history.OfType<TaskScheduled>().Single().Input.Should().Contain("Capital of France?");
        history.OfType<TaskCompleted>().Single().Usage!.CostUsd.Should().Be(response.CostUsd);
        done.Usage!.InputTokens.Should().Be(1_000);
    }

    [Fact]
    public async Task CallModel_RateLimited_HonoursRetryAfterThenSucceeds()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Error(429, "slow down", TimeSpan.FromSeconds(1)), ScriptedReply.Reply("ok"));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);
        var watch = Stopwatch.StartNew();

        var done = await host.RunAsync("test.ask", "hi");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        watch.Elapsed.Should().BeGreaterThan(TimeSpan.FromMilliseconds(950));
        model.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task CallModel_ServerErrorsExhaustRetries_FailsWithProviderErrorAndRestartCompletes()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Error(500, "upstream exploded"), ScriptedReply.Error(502, "upstream exploded"), ScriptedReply.Error(503, "upstream exploded"));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);

        var failed = await host.RunAsync("test.ask", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should().Contain("upstream exploded");
        model.RequestCount.Should().Be(3);

        model.Enqueue(ScriptedReply.Reply("recovered"));
        await host.Client.RestartAsync(failed.InstanceId);
        var done = await host.WaitAsync(failed.InstanceId);
        done.Status.Should().Be(InstanceStatus.Completed);
        OrchestratorJson.Deserialize<ModelResponse>(done.Output)!.Message.Content.Should().Be("recovered");
    }

    [Fact]
    public async Task CallModel_BadRequest_FailsWithoutRetry()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Error(400, "context length exceeded"));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);

        var failed = await host.RunAsync("test.ask", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should().Contain("context length exceeded");
        model.RequestCount.Should().Be(1);
    }

    [Fact]
    public async Task CallModel_MalformedResponse_IsRetried()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Malformed(), ScriptedReply.Reply("fine"));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);

        var done = await host.RunAsync("test.ask", "hi");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
        model.RequestCount.Should().Be(2);
    }

    [Fact]
    public async Task CallModel_ModelNotConfigured_FailsNamingTheKey()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);

        var failed = await host.RunAsync("test.ask-missing", "hi");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.InnerFailure!.ErrorMessage.Should().Contain("Orchestrator:Models:triage:Model");
        model.RequestCount.Should().Be(0);
    }

    [Fact]
    public async Task CallModelTyped_MalformedThenValid_RepairsWithOneExtraCall()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Reply("It's spam, I think"), ScriptedReply.Reply("{\"label\":\"spam\",\"confidence\":0.9}"));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);

        var done = await host.RunAsync("test.classify", "WIN A PRIZE");

        OrchestratorJson.Deserialize<Verdict>(done.Output).Should().Be(new Verdict("spam", 0.9));
        model.RequestCount.Should().Be(2);
        model.Requests[0].Body.GetProperty("response_format").GetProperty("type").GetString().Should().Be("json_schema");
        model.Requests[1].Body.GetRawText().Should().Contain("not valid JSON");
    }

    [Fact]
    public async Task CallModelTyped_AlwaysMalformed_FailsClearly()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Reply("nope"), ScriptedReply.Reply("still nope"));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);

        var failed = await host.RunAsync("test.classify", "?");

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.ErrorMessage.Should().Contain("not valid JSON for Verdict").And.Contain("still nope");
    }

    [Fact]
    public async Task CallModel_Streaming_PublishesDeltasAndCheckpointsTheFinalMessage()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(ScriptedReply.Reply("A fairly long streamed answer."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, model: model, settings: TestSettings.Prices, register: Register);
        var id = "stream-1";
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var signals = new List<string>();
        var watch = Task.Run(async () =>
        {
            await foreach (var change in host.Client.WatchAsync(id, watching.Token))
            {
                if (change is Core.Client.InstanceSignal { Kind: "model.delta" } s)
                {
                    signals.Add(s.DataJson!);
                }
            }
        });
        await Task.Delay(100);

        var done = await host.RunAsync("test.stream", "stream please", id);
        await watch;

        OrchestratorJson.Deserialize<ModelResponse>(done.Output)!.Message.Content.Should().Be("A fairly long streamed answer.");
        signals.Should().HaveCountGreaterThan(1);
        model.Requests[0].Stream.Should().BeTrue();
    }

    public sealed record Verdict(string Label, double Confidence);
}
