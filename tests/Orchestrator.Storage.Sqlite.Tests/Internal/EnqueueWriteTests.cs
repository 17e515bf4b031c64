using Orchestrator.Core;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class EnqueueWriteTests : StoreTestBase
{
    [Fact]
    public async Task WriteAsync_EnqueueToUnknownInstance_ReturnsNotFound()
    {
        var result = await WriteAsync(new EnqueueWrite("missing", Samples.Raised("approve")));

        result.Outcome.Should().Be(WriteOutcome.NotFound);
        result.Enqueued.Should().BeEmpty();
        CountRows("inbox").Should().Be(0);
    }

    [Fact]
    public async Task WriteAsync_EnqueueToRunningInstance_AppendsInArrivalOrder()
    {
        var started = await CreateAsync("a");

        var results = await WriteAsync(
            new EnqueueWrite("a", Samples.Raised("first", 1)),
            new EnqueueWrite("a", Samples.Raised("second", 2)));

        results.Should().OnlyContain(r => r.Outcome == WriteOutcome.Done);
        var ids = results.Select(r => r.Enqueued.Single().Id).ToList();
        ids.Should().BeInAscendingOrder().And.OnlyContain(id => id > started);
        var inbox = (await Store.LoadInstanceAsync("a", None))!.Inbox;
        inbox.Select(m => m.Id).Should().Equal([started, .. ids]);
        inbox.Skip(1).Select(m => m.Event).Should().Equal(Samples.Raised("first", 1), Samples.Raised("second", 2));
    }

    [Theory]
    [InlineData(InstanceStatus.Completed)]
    [InlineData(InstanceStatus.Failed)]
    [InlineData(InstanceStatus.Terminated)]
    public async Task WriteAsync_EnqueueToFinishedInstance_ReturnsConflict(InstanceStatus status)
    {
        await CreateAsync("a");
        await SetStatusAsync("a", status);

        var result = await WriteAsync(new EnqueueWrite("a", Samples.Raised("late")));

        result.Outcome.Should().Be(WriteOutcome.Conflict);
        CountRows("inbox", "a").Should().Be(1);
    }

    [Fact]
    public async Task WriteAsync_EnqueueToFinishedInstanceWithAllowFinished_Appends()
    {
        await CreateAsync("a");
        await SetStatusAsync("a", InstanceStatus.Failed);

        var result = await WriteAsync(new EnqueueWrite("a", Samples.Raised("rewind"), AllowFinished: true));

        result.Outcome.Should().Be(WriteOutcome.Done);
        (await Store.LoadInstanceAsync("a", None))!.Inbox.Should().Contain(result.Enqueued[0]);
    }

    [Theory]
    [InlineData(InstanceStatus.Pending)]
    [InlineData(InstanceStatus.Suspended)]
    public async Task WriteAsync_EnqueueToUnfinishedInstance_Appends(InstanceStatus status)
    {
        await CreateAsync("a");
        await SetStatusAsync("a", status);

        var result = await WriteAsync(new EnqueueWrite("a", Samples.Raised("e")));

        result.Outcome.Should().Be(WriteOutcome.Done);
    }
}
