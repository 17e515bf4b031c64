using Microsoft.Data.Sqlite;
using Orchestrator.Core;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class BatchAtomicityTests : StoreTestBase
{
    [Fact]
    public async Task WriteAsync_LastItemViolatesConstraint_RollsBackWholeBatch()
    {
        await CreateAsync("a");
        var before = await Store.LoadInstanceAsync("a", None);

        // The broken activity (a null name, which the schema refuses) comes after everything else has been written.
        var act = () => WriteAsync(
            new CreateInstanceWrite(Samples.Instance("b")),
            new EnqueueWrite("a", Samples.Raised("e")),
            Samples.Commit("a", InstanceStatus.Running, Samples.Raised("x")) with
            {
                ConsumedInbox = [.. before!.Inbox.Select(m => m.Id)],
                NewTimers = [Samples.Timer("a", 1, Samples.T0)],
                NewActivities = [Samples.Activity("a", 2), Samples.Activity("a", 3) with { Name = null! }],
            });

        (await act.Should().ThrowAsync<SqliteException>()).Which.SqliteErrorCode.Should().Be(19, "SQLITE_CONSTRAINT");
        await ShouldBeUnchangedAsync(before!);
    }

    [Fact]
    public async Task WriteAsync_UnsupportedWriteType_RollsBackWholeBatchAndThrows()
    {
        await CreateAsync("a");
        var before = await Store.LoadInstanceAsync("a", None);

        var act = () => WriteAsync(
            new CreateInstanceWrite(Samples.Instance("b")),
            Samples.Commit("a", InstanceStatus.Completed, Samples.Raised("x")) with { ClearPendingWork = true },
            new UnknownWrite());

        await act.Should().ThrowAsync<NotSupportedException>().WithMessage("*UnknownWrite*");
        await ShouldBeUnchangedAsync(before!);
    }

    [Fact]
    public async Task WriteAsync_UndefinedStatus_RollsBackWholeBatchAndThrows()
    {
        await CreateAsync("a");
        var before = await Store.LoadInstanceAsync("a", None);

        var act = () => WriteAsync(new CreateInstanceWrite(Samples.Instance("b")), Samples.Commit("a", (InstanceStatus)42));

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
        await ShouldBeUnchangedAsync(before!);
    }

    [Fact]
    public async Task WriteAsync_AfterFailedBatch_NextBatchCommits()
    {
        await CreateAsync("a");
        var failing = () => WriteAsync(new CreateInstanceWrite(Samples.Instance("b")), new UnknownWrite());
        await failing.Should().ThrowAsync<NotSupportedException>();

        var results = await WriteAsync(new CreateInstanceWrite(Samples.Instance("b")), new EnqueueWrite("a", Samples.Raised("e")));

        results.Should().OnlyContain(r => r.Outcome == WriteOutcome.Done);
        CountRows("instances").Should().Be(2);
    }

    [Fact]
    public async Task WriteAsync_MixedBatch_ReturnsOneResultPerWriteInOrder()
    {
        await CreateAsync("done");
        await SetStatusAsync("done", InstanceStatus.Completed);

        var results = await WriteAsync(
            new CreateInstanceWrite(Samples.Instance("n1")),
            new EnqueueWrite("missing", Samples.Raised("e")),
            new EnqueueWrite("done", Samples.Raised("e")),
            new PurgeWrite("n1"),
            new CreateInstanceWrite(Samples.Instance("n1")),
            new PurgeWrite("done"),
            new ActivityAttemptWrite("n1", 1, 2, Samples.T0, null));

        results.Select(r => r.Outcome).Should().Equal(
            WriteOutcome.Done, WriteOutcome.NotFound, WriteOutcome.Conflict, WriteOutcome.Conflict,
            WriteOutcome.AlreadyExists, WriteOutcome.Done, WriteOutcome.Done);
    }

    [Fact]
    public async Task WriteAsync_EmptyBatch_ReturnsNoResults() =>
        (await Store.WriteAsync([], None)).Should().BeEmpty();

    private async Task ShouldBeUnchangedAsync(InstanceSnapshot before)
    {
        (await Store.LoadInstanceAsync("a", None)).Should().BeEquivalentTo(before);
        (await Store.GetInstanceAsync("b", None)).Should().BeNull();
        CountRows("instances").Should().Be(1);
        CountRows("history").Should().Be(0);
        CountRows("inbox").Should().Be(1);
        CountRows("activities").Should().Be(0);
        CountRows("timers").Should().Be(0);
        CountRows("instance_tags").Should().Be(0);
    }

    private sealed record UnknownWrite : StoreWrite;
}
