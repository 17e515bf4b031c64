using Orchestrator.Core;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class ClaimInstancesTests : StoreTestBase
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly DateTime Now = Samples.T0.AddHours(1);

    [Fact]
    public async Task ClaimInstancesAsync_InstanceWithInbox_IsClaimed()
    {
        await CreateAsync("a");

        (await ClaimAsync("w1", Now)).Should().Equal("a");
    }

    [Fact]
    public async Task ClaimInstancesAsync_LeaseHeldByOtherOwner_BlockedUntilItExpires()
    {
        await CreateAsync("a");
        await ClaimAsync("w1", Now);

        (await ClaimAsync("w2", Now.AddSeconds(59))).Should().BeEmpty();
        (await ClaimAsync("w2", Now + Lease)).Should().Equal("a");
        (await ClaimAsync("w1", Now + Lease + TimeSpan.FromSeconds(1))).Should().BeEmpty("w2 holds the new lease now");
    }

    [Fact]
    public async Task ClaimInstancesAsync_LeaseOfAProcessThatDied_IsVoidAfterReopen()
    {
        await CreateAsync("a");
        await ClaimAsync("dead-process", Now);

        await ReopenAsync();

        (await ClaimAsync("next-process", Now.AddSeconds(1))).Should().Equal(["a"], "the data folder lock proves the old owner is gone");
    }

    [Fact]
    public async Task ClaimInstancesAsync_SameOwner_ClaimsAgainAndRenews()
    {
        await CreateAsync("a");
        await ClaimAsync("w1", Now);

        (await ClaimAsync("w1", Now.AddSeconds(30))).Should().Equal("a");
        (await ClaimAsync("w2", Now + Lease)).Should().BeEmpty("the lease was renewed until now + 90 s");
    }

    [Fact]
    public async Task ClaimInstancesAsync_ActivitiesAndTimers_ClaimedOnlyWhenDue()
    {
        await WriteAsync(new CreateInstanceWrite(Samples.Instance("act")), new CreateInstanceWrite(Samples.Instance("tmr")), new CreateInstanceWrite(Samples.Instance("idle")));
        var inbox = (await Store.QueryInstancesAsync(new InstanceQuery(), None)).Items.Select(i => i.InstanceId).ToList();
        foreach (var id in inbox)
        {
            await WriteAsync(Samples.Commit(id) with { ConsumedInbox = [.. (await Store.LoadInstanceAsync(id, None))!.Inbox.Select(m => m.Id)] });
        }

        await WriteAsync(
            Samples.Commit("act") with { NewActivities = [Samples.Activity("act", 1, dueAt: Now.AddSeconds(10))] },
            Samples.Commit("tmr") with { NewTimers = [Samples.Timer("tmr", 1, Now.AddSeconds(20))] });

        (await ClaimAsync("w1", Now)).Should().BeEmpty();
        (await ClaimAsync("w1", Now.AddSeconds(10))).Should().Equal("act");
        (await ClaimAsync("w1", Now.AddSeconds(20))).Should().BeEquivalentTo(["act", "tmr"]);
    }

    [Fact]
    public async Task ClaimInstancesAsync_FinishedInstance_ClaimedOnlyForInboxMessages()
    {
        await CreateAsync("done");
        await WriteAsync(Samples.Commit("done", InstanceStatus.Completed) with
        {
            ConsumedInbox = [.. (await Store.LoadInstanceAsync("done", None))!.Inbox.Select(m => m.Id)],
            NewActivities = [Samples.Activity("done", 1, Samples.T0)],
        });

        (await ClaimAsync("w1", Now)).Should().BeEmpty("a finished instance's old work is not work");

        await WriteAsync(new EnqueueWrite("done", Samples.Raised("rewind"), AllowFinished: true));

        (await ClaimAsync("w1", Now)).Should().Equal("done");
    }

    [Fact]
    public async Task ClaimInstancesAsync_SuspendedInstance_ClaimedOnlyForInboxMessages()
    {
        await CreateAsync("held");
        await WriteAsync(Samples.Commit("held", InstanceStatus.Suspended) with
        {
            ConsumedInbox = [.. (await Store.LoadInstanceAsync("held", None))!.Inbox.Select(m => m.Id)],
            NewActivities = [Samples.Activity("held", 1, Samples.T0)],
            NewTimers = [Samples.Timer("held", 2, Samples.T0)],
        });

        (await ClaimAsync("w1", Now)).Should().BeEmpty("a suspended instance's activities and timers wait for its resume");

        await WriteAsync(new EnqueueWrite("held", Samples.Raised("resume")));

        (await ClaimAsync("w1", Now)).Should().Equal("held");
    }

    [Fact]
    public async Task ClaimInstancesAsync_MoreWorkThanMax_ClaimsAtMostMax()
    {
        await WriteAsync([.. Enumerable.Range(0, 10).Select(i => new CreateInstanceWrite(Samples.Instance($"i{i}")))]);

        var first = await ClaimAsync("w1", Now, max: 4);
        var second = await ClaimAsync("w2", Now, max: 100);

        first.Should().HaveCount(4);
        second.Should().HaveCount(6).And.NotIntersectWith(first);
        (await Store.ClaimInstancesAsync("w3", Now, Lease, 0, None)).Should().BeEmpty();
    }

    [Fact]
    public async Task GetPendingTimersAsync_SeveralInstances_SoonestFirstUpToMax()
    {
        await CreateAsync("a");
        await CreateAsync("b");
        await WriteAsync(
            Samples.Commit("a") with { NewTimers = [Samples.Timer("a", 1, Now.AddMinutes(3)), Samples.Timer("a", 2, Now.AddMinutes(1))] },
            Samples.Commit("b") with { NewTimers = [Samples.Timer("b", 1, Now.AddMinutes(2))] });

        var timers = await Store.GetPendingTimersAsync(2, None);

        timers.Should().Equal(Samples.Timer("a", 2, Now.AddMinutes(1)), Samples.Timer("b", 1, Now.AddMinutes(2)));
        (await Store.GetPendingTimersAsync(0, None)).Should().BeEmpty();
    }

    private Task<IReadOnlyList<string>> ClaimAsync(string owner, DateTime now, int max = 100) =>
        Store.ClaimInstancesAsync(owner, now, Lease, max, None);
}
