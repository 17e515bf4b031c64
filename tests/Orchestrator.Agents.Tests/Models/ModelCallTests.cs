using System.Text.Json;
using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Core.Client;
using Orchestrator.Core.History;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>A model call from workflow code, through the real OpenAI SDK to the scripted server, on the real engine.</summary>
public sealed class ModelCallTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CallModel_Text_RecordsRequestResponseUsageAndCost()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text("Paris.").WithUsage(input: 1_000, output: 200, cached: 400));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.ask", "Capital of France?");

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        var response = OrchestratorJson.Deserialize<ModelResponse>(done.Output)!;
        response.Message.Should().Be(new ModelMessage("assistant", "Paris."));
        response.Model.Should().Be("default");
        response.ModelId.Should().Be("test-model");
        response.FinishReason.Should().Be("stop");
        response.Usage.Should().Be(new TokenUsage(1_000, 400, 200));

        // 600 uncached input tokens at $2, 400 cached at $0.50 and 200 output at $8 per million.
        response.CostUsd.Should().Be(0.003m);
        done.Usage.Should().Be(new Core.Storage.UsageTotals(1_000, 400, 200, 0.003m));
    }

    [Fact]
    public async Task CallModel_History_HoldsTheRequestTheResponseAndTheUsage()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text("Paris.").WithUsage(input: 1_000, output: 200, cached: 400));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.ask", "Capital of France?");

        var history = await host.Client.GetHistoryAsync(done.InstanceId);
        var scheduled = history.OfType<TaskScheduled>().Should().ContainSingle().Subject;
        scheduled.Name.Should().Be("orchestrator.model-call");
        var request = OrchestratorJson.Deserialize<ModelRequest>(scheduled.Input)!;
        request.Messages.Should().Equal(ModelMessage.System("You answer briefly."), ModelMessage.User("Capital of France?"));
        request.Temperature.Should().Be(0.2f);
        var completed = history.OfType<TaskCompleted>().Should().ContainSingle().Subject;
        completed.TaskScheduledId.Should().Be(scheduled.EventId);
        OrchestratorJson.Deserialize<ModelResponse>(completed.Result).Should().BeEquivalentTo(OrchestratorJson.Deserialize<ModelResponse>(done.Output));
        completed.Usage.Should().Be(new UsageReport("default", 1_000, 400, 200, 0.003m));
    }

    [Fact]
    public async Task CallModel_Request_ReachesTheProviderAsAskedFor()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text("Paris."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        await host.RunAsync("test.ask", "Capital of France?");

        var sent = model.Requests.Should().ContainSingle().Subject;
        sent.Path.Should().Be("/v1/chat/completions");
        sent.Model.Should().Be("test-model");
        sent.Authorization.Should().Be("Bearer test-key");
        sent.Stream.Should().BeFalse();
        sent.Body.GetProperty("temperature").GetDouble().Should().BeApproximately(0.2, 1e-6);
        sent.Messages.EnumerateArray().Select(m => m.GetProperty("role").GetString()).Should().Equal("system", "user");
        sent.Messages[1].GetRawText().Should().Contain("Capital of France?");
    }

    [Fact]
    public async Task CallModel_Latency_IsMeasured()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text("Slowly.").After(TimeSpan.FromMilliseconds(300)));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);

        var done = await host.RunAsync("test.ask", "Take your time.");

        OrchestratorJson.Deserialize<ModelResponse>(done.Output)!.LatencyMs.Should().BeInRange(290, 10_000);
    }

    [Fact]
    public async Task CallModel_Streaming_PublishesDeltasAndCheckpointsTheFinalMessage()
    {
        const string Answer = "A fairly long streamed answer, in several pieces.";
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text(Answer).WithUsage(input: 40, output: 12, cached: 8));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);
        const string Id = "stream-1";
        using var watching = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var deltas = new List<JsonElement>();
        var subscribed = new TaskCompletionSource();
        var watch = Task.Run(async () =>
        {
            var changes = host.Client.WatchAsync(Id, watching.Token).GetAsyncEnumerator(watching.Token);
            var next = changes.MoveNextAsync();
            subscribed.SetResult();
            while (await next)
            {
                if (changes.Current is InstanceSignal { Kind: "model.delta", DataJson: { } data })
                {
                    deltas.Add(JsonDocument.Parse(data).RootElement.Clone());
                }

                next = changes.MoveNextAsync();
            }

            await changes.DisposeAsync();
        });
        await subscribed.Task;
        await Task.Delay(100);

        var done = await host.RunAsync("test.stream", "Stream please.", Id);
        await watch;

        var response = OrchestratorJson.Deserialize<ModelResponse>(done.Output)!;
        response.Message.Content.Should().Be(Answer);
        response.Usage.Should().Be(new TokenUsage(40, 8, 12));
        deltas.Should().HaveCountGreaterThan(1);
        deltas.Should().OnlyContain(d => d.GetProperty("model").GetString() == "default" && d.GetProperty("taskId").GetInt32() >= 0);
        string.Concat(deltas.Select(d => d.GetProperty("text").GetString())).Should().Be(Answer);
        var completed = (await host.Client.GetHistoryAsync(Id)).OfType<TaskCompleted>().Single();
        OrchestratorJson.Deserialize<ModelResponse>(completed.Result)!.Message.Content.Should().Be(Answer, "the checkpoint is the final message, not the deltas");
        model.Requests[0].Stream.Should().BeTrue();
    }
}
