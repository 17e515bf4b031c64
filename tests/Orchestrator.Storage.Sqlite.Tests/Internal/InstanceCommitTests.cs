using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class InstanceCommitTests : StoreTestBase
{
    [Fact]
    public async Task WriteAsync_CommitWithEveryList_AppliesEveryChange()
    {
        var started = await CreateAsync("a");
        await CreateAsync("peer");
        var raised = (await WriteAsync(new EnqueueWrite("a", Samples.Raised("approve")))).Enqueued[0].Id;
        var kept = (await WriteAsync(new EnqueueWrite("a", Samples.Raised("later")))).Enqueued[0].Id;
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("first")) with
        {
            ConsumedInbox = [started],
            NewActivities = [Samples.Activity("a", 1), Samples.Activity("a", 2)],
            NewTimers = [Samples.Timer("a", 3, Samples.T0.AddHours(1)), Samples.Timer("a", 4, Samples.T0.AddHours(2))],
        });

        var child = Samples.Instance("child", "sub", parent: new ParentInstanceInfo("a", 7, "order"));
        var message = new OutgoingMessage("peer", Samples.Raised("hello"));
        var commit = new InstanceCommit("a")
        {
            Update = new InstanceUpdate(
                InstanceStatus.Suspended, "{\"out\":1}", new FailureDetails("E", "m"), "\"waiting\"", Samples.T0.AddHours(3), "exec-2", "{\"n\":2}"),
            NewEvents = [Samples.Raised("second"), Samples.Raised("third")],
            ConsumedInbox = [raised],
            FinishedActivities = [1],
            FiredTimers = [3],
            NewActivities = [Samples.Activity("a", 5)],
            NewTimers = [Samples.Timer("a", 6, Samples.T0.AddHours(4))],
            NewInstances = [child],
            Messages = [message],
        };

        var result = await WriteAsync(commit);

        result.Outcome.Should().Be(WriteOutcome.Done);
        result.Enqueued.Select(m => m.InstanceId).Should().Equal("child", "peer");
        result.Enqueued.Should().OnlyContain(m => m.Id > kept);
        var snapshot = (await Store.LoadInstanceAsync("a", None))!;
        snapshot.Instance.Should().BeEquivalentTo(new
        {
            Status = InstanceStatus.Suspended,
            Output = "{\"out\":1}",
            Error = new FailureDetails("E", "m"),
            CustomStatus = "\"waiting\"",
            UpdatedAt = Samples.T0.AddHours(3),
            ExecutionId = "exec-2",
            Input = "{\"n\":2}",
            CreatedAt = Samples.T0,
        });
        snapshot.History.Should().Equal(Samples.Raised("first"), Samples.Raised("second"), Samples.Raised("third"));
        snapshot.Inbox.Select(m => m.Id).Should().Equal(kept);
        snapshot.Activities.Select(a => a.TaskId).Should().Equal(2, 5);
        (await Store.GetPendingTimersAsync(10, None)).Select(t => t.TimerId).Should().Equal(4, 6);

        var childSnapshot = (await Store.LoadInstanceAsync("child", None))!;
        childSnapshot.Instance.ParentInstanceId.Should().Be("a");
        childSnapshot.Inbox.Should().Equal(new InboxMessage(result.Enqueued[0].Id, "child", child.ToStartedEvent()));
        (await Store.LoadInstanceAsync("peer", None))!.Inbox.Should().Contain(new InboxMessage(result.Enqueued[1].Id, "peer", message.Event));
    }

    [Fact]
    public async Task WriteAsync_CommitWithReplaceHistory_ReplacesAllEarlierRows()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("old1")));
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("old2")));

        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("new1"), Samples.Raised("new2")) with { ReplaceHistory = true });
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("new3")));

        (await Store.GetHistoryAsync("a", None)).Should().Equal(Samples.Raised("new1"), Samples.Raised("new2"), Samples.Raised("new3"));
        CountRows("history", "a").Should().Be(2);
    }

    [Fact]
    public async Task WriteAsync_CommitReplacingHistoryWithNothing_LeavesEmptyHistory()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("old")));

        await WriteAsync(Samples.Commit("a") with { ReplaceHistory = true });

        (await Store.GetHistoryAsync("a", None)).Should().BeEmpty();
        CountRows("history", "a").Should().Be(0);
    }

    [Fact]
    public async Task WriteAsync_CommitWithoutEvents_AppendsNoHistoryRow()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("x")));

        var result = await WriteAsync(Samples.Commit("a", InstanceStatus.Suspended));

        result.Should().Be(StoreWriteResult.Ok);
        CountRows("history", "a").Should().Be(1);
        (await Store.GetInstanceAsync("a", None))!.Status.Should().Be(InstanceStatus.Suspended);
    }

    [Fact]
    public async Task WriteAsync_CommitWithClearPendingWork_DeletesOldWorkAndKeepsNewWork()
    {
        await CreateAsync("a");
        await CreateAsync("b");
        await WriteAsync(Samples.Commit("a") with
        {
            NewActivities = [Samples.Activity("a", 1), Samples.Activity("a", 2)],
            NewTimers = [Samples.Timer("a", 3, Samples.T0)],
        });
        await WriteAsync(Samples.Commit("b") with { NewActivities = [Samples.Activity("b", 1)], NewTimers = [Samples.Timer("b", 3, Samples.T0)] });

        await WriteAsync(Samples.Commit("a") with
        {
            ClearPendingWork = true,
            ReplaceHistory = true,
            NewActivities = [Samples.Activity("a", 1) with { ExecutionId = "exec-new" }],
            NewTimers = [Samples.Timer("a", 9, Samples.T0) with { ExecutionId = "exec-new" }],
        });

        (await Store.LoadInstanceAsync("a", None))!.Activities.Should().Equal(Samples.Activity("a", 1) with { ExecutionId = "exec-new" });
        (await Store.GetPendingTimersAsync(10, None)).Should().BeEquivalentTo(
            [Samples.Timer("a", 9, Samples.T0) with { ExecutionId = "exec-new" }, Samples.Timer("b", 3, Samples.T0)]);
        CountRows("activities", "b").Should().Be(1);
    }

    [Fact]
    public async Task WriteAsync_CommitReschedulingSameTaskId_ReplacesActivity()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a") with { NewActivities = [Samples.Activity("a", 1)] });
        await WriteAsync(new ActivityAttemptWrite("a", 1, 3, Samples.T0, "boom"));

        await WriteAsync(Samples.Commit("a") with { NewActivities = [Samples.Activity("a", 1) with { Name = "other" }] });

        (await Store.LoadInstanceAsync("a", None))!.Activities.Should().Equal(Samples.Activity("a", 1) with { Name = "other" });
    }

    [Fact]
    public async Task WriteAsync_CommitMessagesToMissingOrFinishedTargets_DropsThemAndReportsOnlyTheDelivered()
    {
        await CreateAsync("a");
        await CreateAsync("done");
        await SetStatusAsync("done", InstanceStatus.Completed);
        await CreateAsync("live");

        var result = await WriteAsync(Samples.Commit("a") with
        {
            Messages =
            [
                new OutgoingMessage("missing", Samples.Raised("m1")),
                new OutgoingMessage("done", Samples.Raised("m2")),
                new OutgoingMessage("live", Samples.Raised("m3")),
            ],
        });

        result.Enqueued.Should().ContainSingle().Which.Should().BeEquivalentTo(new { InstanceId = "live", Event = Samples.Raised("m3") });
        CountRows("inbox", "missing").Should().Be(0);
        CountRows("inbox", "done").Should().Be(1);
        CountRows("inbox", "live").Should().Be(2);
    }

    [Fact]
    public async Task WriteAsync_CommitCreatingExistingChild_SkipsItAndReportsOnlyWhatItWrote()
    {
        await CreateAsync("a");
        await CreateAsync("child", "sub");

        var result = await WriteAsync(Samples.Commit("a") with
        {
            NewInstances = [Samples.Instance("child", "different", "{}"), Samples.Instance("child2", "sub")],
            Messages = [new OutgoingMessage("child2", Samples.Raised("hi"))],
        });

        result.Enqueued.Select(m => (m.InstanceId, m.Event.GetType().Name)).Should().Equal(("child2", "ExecutionStarted"), ("child2", "EventRaised"));
        result.Enqueued[1].Id.Should().BeGreaterThan(result.Enqueued[0].Id, "a message may go to a child created by the same commit");
        (await Store.GetInstanceAsync("child", None))!.Name.Should().Be("sub");
    }

    [Fact]
    public async Task WriteAsync_CommitCreatingAChildWhoseIdIsTaken_PutsItsFailureInTheParentsInboxInstead()
    {
        await CreateAsync("a");
        await CreateAsync("a:0000", "stranger");
        var failure = new SubOrchestrationInstanceFailed(-1, Samples.T0, 0, new FailureDetails("SubWorkflowInstanceIdTaken", "taken", IsNonRetriable: true));

        var result = await WriteAsync(Samples.Commit("a") with
        {
            NewInstances = [Samples.Instance("a:0000", "sub", parent: new ParentInstanceInfo("a", 0, "order")) with { IfIdTaken = failure }],
        });

        result.Enqueued.Should().ContainSingle().Which.Should().BeEquivalentTo(new { InstanceId = "a", Event = failure });
        var inbox = (await Store.LoadInstanceAsync("a", None))!.Inbox;
        inbox.Should().Contain(result.Enqueued[0]);
        var stranger = (await Store.GetInstanceAsync("a:0000", None))!;
        stranger.Name.Should().Be("stranger");
        stranger.ParentInstanceId.Should().BeNull();
        CountRows("inbox", "a:0000").Should().Be(1);
    }

    [Fact]
    public async Task WriteAsync_CommitForUnknownInstance_ReturnsNotFoundAndWritesNothing()
    {
        var result = await WriteAsync(Samples.Commit("ghost", InstanceStatus.Running, Samples.Raised("x")) with
        {
            NewActivities = [Samples.Activity("ghost", 1)],
            NewInstances = [Samples.Instance("orphan")],
        });

        result.Outcome.Should().Be(WriteOutcome.NotFound);
        CountRows("history").Should().Be(0);
        CountRows("activities").Should().Be(0);
        CountRows("instances").Should().Be(0);
    }

    [Fact]
    public async Task WriteAsync_ConsumedInboxOfAnotherInstance_IsNotDeleted()
    {
        await CreateAsync("a");
        var foreign = await CreateAsync("b");

        await WriteAsync(Samples.Commit("a") with { ConsumedInbox = [foreign] });

        CountRows("inbox", "b").Should().Be(1);
    }
}
