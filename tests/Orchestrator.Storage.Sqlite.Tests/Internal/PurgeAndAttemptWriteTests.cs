using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class PurgeAndAttemptWriteTests : StoreTestBase
{
    [Fact]
    public async Task WriteAsync_PurgeUnknownInstance_ReturnsNotFound() =>
        (await WriteAsync(new PurgeWrite("missing"))).Outcome.Should().Be(WriteOutcome.NotFound);

    [Theory]
    [InlineData(InstanceStatus.Pending)]
    [InlineData(InstanceStatus.Running)]
    [InlineData(InstanceStatus.Suspended)]
    public async Task WriteAsync_PurgeUnfinishedInstance_ReturnsConflictAndKeepsEverything(InstanceStatus status)
    {
        await CreateAsync("a");
        await SetStatusAsync("a", status);

        var result = await WriteAsync(new PurgeWrite("a"));

        result.Outcome.Should().Be(WriteOutcome.Conflict);
        (await Store.GetInstanceAsync("a", None)).Should().NotBeNull();
        CountRows("inbox", "a").Should().Be(1);
    }

    [Theory]
    [InlineData(InstanceStatus.Completed)]
    [InlineData(InstanceStatus.Failed)]
    [InlineData(InstanceStatus.Terminated)]
    public async Task WriteAsync_PurgeFinishedInstance_DeletesInstanceAndAllItsRows(InstanceStatus status)
    {
        await WriteAsync(new CreateInstanceWrite(Samples.Instance("a", tags: new Dictionary<string, string> { ["k"] = "v" })));
        await CreateAsync("other");
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("x")) with
        {
            NewActivities = [Samples.Activity("a", 1)],
            NewTimers = [Samples.Timer("a", 2, Samples.T0)],
        });
        await WriteAsync(Samples.Commit("a", status, Samples.Raised("y")));
        await WriteAsync(new EnqueueWrite("a", Samples.Raised("z"), AllowFinished: true));

        var result = await WriteAsync(new PurgeWrite("a"));

        result.Should().Be(StoreWriteResult.Ok);
        (await Store.GetInstanceAsync("a", None)).Should().BeNull();
        (await Store.LoadInstanceAsync("a", None)).Should().BeNull();
        (await Store.GetHistoryAsync("a", None)).Should().BeEmpty();
        foreach (var table in new[] { "instances", "instance_tags", "history", "inbox", "activities", "timers" })
        {
            CountRows(table, "a").Should().Be(0, $"{table} must hold nothing of a purged instance");
        }

        (await Store.GetInstanceAsync("other", None)).Should().NotBeNull();
        CountRows("inbox", "other").Should().Be(1);
    }

    [Fact]
    public async Task WriteAsync_ActivityAttempt_UpdatesAttemptDueTimeAndError()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a") with { NewActivities = [Samples.Activity("a", 3), Samples.Activity("a", 4)] });

        var result = await WriteAsync(new ActivityAttemptWrite("a", 3, 2, Samples.T0.AddSeconds(30), "timeout"));

        result.Should().Be(StoreWriteResult.Ok);
        var activities = (await Store.LoadInstanceAsync("a", None))!.Activities;
        activities.Should().Equal(Samples.Activity("a", 3) with { Attempt = 2, DueAt = Samples.T0.AddSeconds(30) }, Samples.Activity("a", 4));
    }

    [Fact]
    public async Task WriteAsync_ActivityAttemptWithItsFailure_AppendsTheFailedAttemptToHistoryInTheSameWrite()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a") with { NewActivities = [Samples.Activity("a", 3)] });
        var failed = new TaskAttemptFailed(-1, Samples.T0, 3, 1, new FailureDetails("System.TimeoutException", "busy"), Samples.T0.AddSeconds(30));

        await WriteAsync(new ActivityAttemptWrite("a", 3, 2, Samples.T0.AddSeconds(30), "busy") { ExecutionId = "exec-a", Failed = failed });

        (await Store.GetHistoryAsync("a", None)).Should().ContainSingle().Which.Should().Be(failed);
        (await Store.LoadInstanceAsync("a", None))!.Activities.Single().Attempt.Should().Be(2);
    }

    [Theory]
    [InlineData("exec-other", 3)]
    [InlineData("exec-a", 9)]
    public async Task WriteAsync_ActivityAttemptOfACallNoLongerOpen_WritesNothing(string executionId, int taskId)
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a") with { NewActivities = [Samples.Activity("a", 3)] });
        var failed = new TaskAttemptFailed(-1, Samples.T0, taskId, 1, new FailureDetails("X", "busy"), Samples.T0.AddSeconds(30));

        await WriteAsync(new ActivityAttemptWrite("a", taskId, 2, Samples.T0.AddSeconds(30), "busy") { ExecutionId = executionId, Failed = failed });

        (await Store.GetHistoryAsync("a", None)).Should().BeEmpty();
        (await Store.LoadInstanceAsync("a", None))!.Activities.Single().Attempt.Should().Be(1);
    }

    [Fact]
    public async Task WriteAsync_ActivityAttemptForMissingActivity_DoesNothing()
    {
        await CreateAsync("a");

        var result = await WriteAsync(new ActivityAttemptWrite("a", 9, 2, Samples.T0, null));

        result.Outcome.Should().Be(WriteOutcome.Done);
        CountRows("activities").Should().Be(0);
    }
}
