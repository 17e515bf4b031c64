using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tests.Infrastructure;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Testing;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>A completed model call is history: neither a restart nor a replay from the start calls the model again.</summary>
public sealed class ModelReplayTests : IDisposable
{
    private readonly TestDataFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task CallModel_HostRestartedAfterTheCall_DoesNotCallTheModelAgain()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text("Order A-1 shipped."), Reply.Text("It arrives Monday."));
        const string Id = "replay-restart";
        await using (var first = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices))
        {
            await first.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.wait-between") { InputJson = "\"Where is A-1?\"", InstanceId = Id });
            await WaitForCompletedStepsAsync(first, Id, 1);
        }

        model.RequestCount.Should().Be(1);
        await using var second = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices);
        await second.Client.RaiseEventAsync(Id, "follow-up", "\"When does it arrive?\"");
        var done = await second.WaitAsync(Id);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        model.RequestCount.Should().Be(2, "the first call was replayed from history after the restart");
        var responses = OrchestratorJson.Deserialize<ModelResponse[]>(done.Output)!;
        responses.Select(r => r.Message.Content).Should().Equal("Order A-1 shipped.", "It arrives Monday.");
        model.Requests[1].Messages.GetRawText().Should().Contain("Order A-1 shipped.", "the second call carries the first answer from history");
    }

    [Fact]
    public async Task CallModel_InstanceCacheOff_ReplaysEveryTurnWithoutCallingTheModelAgain()
    {
        await using var model = await ScriptedModelServer.StartAsync();
        model.Enqueue(Reply.Text("Order A-1 shipped."), Reply.Text("It arrives Monday."));
        await using var host = await WorkflowTestHost.StartAsync(_folder.Path, ModelWorkflows.Register, model, TestSettings.Prices, cache: false);
        const string Id = "replay-uncached";

        await host.Client.StartAsync(new Core.Client.StartWorkflowRequest("test.wait-between") { InputJson = "\"Where is A-1?\"", InstanceId = Id });
        await WaitForCompletedStepsAsync(host, Id, 1);
        await host.Client.RaiseEventAsync(Id, "follow-up", "\"When does it arrive?\"");
        var done = await host.WaitAsync(Id);

        done.Status.Should().Be(InstanceStatus.Completed, done.Error?.InnerFailure?.ErrorMessage);
        model.RequestCount.Should().Be(2);
        var usage = (await host.Client.GetHistoryAsync(Id)).OfType<TaskCompleted>().Select(c => c.Usage).ToList();
        usage.Should().HaveCount(2).And.OnlyContain(u => u != null && u.Model == "default", "usage is recorded once per call, with its step");
    }

    private static async Task WaitForCompletedStepsAsync(WorkflowTestHost host, string id, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while ((await host.Client.GetHistoryAsync(id, timeout.Token)).OfType<TaskCompleted>().Count() < count)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
