using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Runtime;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>A step that fails the same way every time stops its instance as Failed; a store that fails for a while does not.</summary>
public sealed class PoisonInstanceTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void Register(OrchestratorBuilder o, Constructions constructions)
    {
        o.Services.AddSingleton(constructions);
        o.AddWorkflow<BuiltOnceWorkflow>();
        o.AddActivity<int, int>("double", (_, n) => Task.FromResult(n * 2));
        o.AddWorkflow<int, int>("sum", async (ctx, n) => await ctx.CallActivityAsync<int>("double", n) + await ctx.CallActivityAsync<int>("double", n));
        o.AddWorkflow<string, string>("wait", (ctx, _) => ctx.WaitForExternalEventAsync<string>("go"));
        o.AddWorkflow<int, int>("forever", (ctx, n) =>
        {
            ctx.ContinueAsNew(n + 1);
            return Task.FromResult(n);
        });
    }

    [Fact]
    public async Task Replay_WorkflowThatCannotBeBuiltAgain_FailsNamingTheCause_OthersGoOn_AndStaysFailedAfterARestart()
    {
        var constructions = new Constructions();
        string id;
        await using (var host = await EngineHost.StartAsync(_dir.Path, o => Register(o, constructions), e => e.InstanceCacheEnabled = false))
        {
            id = (await host.Client.StartAsync(new StartWorkflowRequest(BuiltOnceWorkflow.Name))).InstanceId;
            await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);

            await host.Client.RaiseEventAsync(id, "go", "\"now\"");
            var failed = await host.WaitAsync(id, timeoutSeconds: 10);

            failed.Status.Should().Be(InstanceStatus.Failed);
            failed.Error!.ErrorType.Should().Be(WorkflowEngine.StepFailedErrorType);
            failed.Error.ErrorMessage.Should().Contain("Creating the workflow").And.Contain("InvalidOperationException")
                .And.Contain("built only once").And.Contain("restart the instance");
            failed.Error.IsNonRetriable.Should().BeTrue();
            (await host.RunAsync("sum", 5)).Output.Should().Be("20");
            (await host.Client.GetHistoryAsync(id)).Last().Should().BeOfType<History.ExecutionCompleted>();
        }

        await using var restarted = await EngineHost.StartAsync(_dir.Path, o => Register(o, constructions));
        await Task.Delay(500);
        var after = (await restarted.Client.GetInstanceAsync(id))!;
        after.Status.Should().Be(InstanceStatus.Failed);
        after.Error!.ErrorType.Should().Be(WorkflowEngine.StepFailedErrorType);
        restarted.Engine.Replays.Should().Be(0, "a failed instance with nothing left to do is not loaded again");
        (await restarted.RunAsync("sum", 1)).Output.Should().Be("4");
    }

    [Fact]
    public async Task Load_HistoryThatCannotBeRead_FailsTheInstance_AndARestartDoesNotLoadItAgain()
    {
        var constructions = new Constructions();
        string id;
        await using (var host = await EngineHost.StartAsync(_dir.Path, o => Register(o, constructions)))
        {
            id = (await host.Client.StartAsync(new StartWorkflowRequest("wait"))).InstanceId;
            await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);
        }

        AppendHistoryRow(id, """[{"kind":"somethingFromANewerVersion","eventId":-1,"timestamp":"2026-01-01T00:00:00Z"}]""");

        await using (var host = await EngineHost.StartAsync(_dir.Path, o => Register(o, constructions)))
        {
            await host.Client.RaiseEventAsync(id, "go", "\"now\"");
            var failed = await host.WaitAsync(id, timeoutSeconds: 10);

            failed.Status.Should().Be(InstanceStatus.Failed);
            failed.Error!.ErrorType.Should().Be(WorkflowEngine.StepFailedErrorType);
            failed.Error.ErrorMessage.Should().Contain("Reading the stored history").And.Contain("somethingFromANewerVersion");
            (await host.RunAsync("sum", 2)).Output.Should().Be("8");
        }

        await using var restarted = await EngineHost.StartAsync(_dir.Path, o => Register(o, constructions));
        await Task.Delay(500);
        (await restarted.Client.GetInstanceAsync(id))!.Status.Should().Be(InstanceStatus.Failed);
        restarted.Engine.Replays.Should().Be(0);
        (await restarted.Store.ClaimInstancesAsync("probe", DateTime.UtcNow, TimeSpan.FromSeconds(1), 10, CancellationToken.None))
            .Should().NotContain(id);
    }

    [Fact]
    public async Task Load_HistoryThatCannotBeRead_WithAHugeCause_FailsWithABoundedMessage()
    {
        var constructions = new Constructions();
        string id;
        await using (var host = await EngineHost.StartAsync(_dir.Path, o => Register(o, constructions)))
        {
            id = (await host.Client.StartAsync(new StartWorkflowRequest("wait"))).InstanceId;
            await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);
        }

        var kind = "k" + new string('x', 200_000);
        AppendHistoryRow(id, "[{\"kind\":\"" + kind + "\",\"eventId\":-1,\"timestamp\":\"2026-01-01T00:00:00Z\"}]");

        await using var again = await EngineHost.StartAsync(_dir.Path, o => Register(o, constructions));
        await again.Client.RaiseEventAsync(id, "go", "\"now\"");
        var failed = await again.WaitAsync(id, timeoutSeconds: 10);

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.ErrorType.Should().Be(WorkflowEngine.StepFailedErrorType);
        failed.Error.ErrorMessage.Should().StartWith("The engine stopped this instance").And.Contain("kxxx");
        failed.Error.ErrorMessage.Length.Should().BeLessThan(10 * 1024, "a failure's message is bounded however large its cause");
        (await again.RunAsync("sum", 2)).Output.Should().Be("8");
    }

    [Fact]
    public async Task ContinueAsNew_ATightLoop_FailsTheInstanceInsteadOfRetryingIt()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, o => Register(o, new Constructions()));

        var failed = await host.RunAsync("forever", 0, timeoutSeconds: 10);

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.ErrorMessage.Should().Contain("continued as new 100 times");
    }

    [Fact]
    public async Task Step_StoreFailsForAWhile_IsRetriedAndTheInstanceCompletes()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, o => Register(o, new Constructions()));
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("wait"))).InstanceId;
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);

        // The event is delivered in memory, so the failing writes are the step's own commits.
        host.Store.FailNextWrites(3);
        host.Engine.Deliver(id, new PendingEvent(new History.EventRaised(-1, DateTime.UtcNow, "go", "\"late\"")));

        var done = await host.WaitAsync(id, timeoutSeconds: 20);
        done.Status.Should().Be(InstanceStatus.Completed);
        done.Output.Should().Be("\"late\"");
    }

    private void AppendHistoryRow(string instanceId, string eventsJson)
    {
        using var connection = new SqliteConnection($"Data Source={Path.Combine(_dir.Path, "orchestrator.db")};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO history (instance_id, seq, events) SELECT $id, MAX(seq) + 1, $events FROM history WHERE instance_id = $id";
        command.Parameters.AddWithValue("$id", instanceId);
        command.Parameters.AddWithValue("$events", eventsJson);
        command.ExecuteNonQuery().Should().Be(1);
    }

    /// <summary>Counts how often <see cref="BuiltOnceWorkflow"/> was built in this test.</summary>
    internal sealed class Constructions
    {
        public int Count;
    }

    /// <summary>A workflow whose construction fails after the first: it runs live once, and throws whenever it must replay.</summary>
    [Workflow(Name)]
    internal sealed class BuiltOnceWorkflow : Workflow<string, string>
    {
        public const string Name = "built-once";

        public BuiltOnceWorkflow(Constructions constructions)
        {
            if (Interlocked.Increment(ref constructions.Count) > 1)
            {
                throw new InvalidOperationException("This workflow can be built only once.");
            }
        }

        public override Task<string> RunAsync(WorkflowContext ctx, string input) => ctx.WaitForExternalEventAsync<string>("go");
    }
}
