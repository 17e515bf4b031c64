using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class CreateInstanceWriteTests : StoreTestBase
{
    [Fact]
    public async Task WriteAsync_CreateNewInstance_StoresPendingRowWithStartedMessage()
    {
        var tags = new Dictionary<string, string> { ["team"] = "billing", ["region"] = "eu" };
        var instance = Samples.Instance("a", tags: tags, parent: new ParentInstanceInfo("p", 4, "parent-flow"));

        var result = await WriteAsync(new CreateInstanceWrite(instance));

        result.Outcome.Should().Be(WriteOutcome.Done);
        result.Enqueued.Should().ContainSingle().Which.Id.Should().BePositive();
        var row = await Store.GetInstanceAsync("a", None);
        row.Should().BeEquivalentTo(new InstanceRecord(
            "a", "order", "1", InstanceStatus.Pending, "{\"n\":1}", null, null, null, Samples.T0, Samples.T0, "alice", "p", tags, "exec-a", UsageTotals.Zero, UsageTotals.Zero));
        var snapshot = await Store.LoadInstanceAsync("a", None);
        snapshot!.History.Should().BeEmpty();
        snapshot.Inbox.Should().Equal(result.Enqueued[0]).And.Equal(new InboxMessage(result.Enqueued[0].Id, "a", instance.ToStartedEvent()));
        CountRows("instance_tags", "a").Should().Be(2);
    }

    [Fact]
    public async Task WriteAsync_CreateSameNameAndInput_ReturnsAlreadyExistsWithStoredInstance()
    {
        await CreateAsync("a");
        await SetStatusAsync("a", InstanceStatus.Running);

        var result = await WriteAsync(new CreateInstanceWrite(Samples.Instance("a", createdAt: Samples.T0.AddDays(1))));

        result.Outcome.Should().Be(WriteOutcome.AlreadyExists);
        result.Enqueued.Should().BeEmpty();
        result.Existing!.Status.Should().Be(InstanceStatus.Running);
        result.Existing.CreatedAt.Should().Be(Samples.T0);
        CountRows("inbox", "a").Should().Be(1);
    }

    [Theory]
    [InlineData("order", "{\"n\":2}")]
    [InlineData("refund", "{\"n\":1}")]
    [InlineData("order", null)]
    public async Task WriteAsync_CreateWithDifferentNameOrInput_ReturnsConflictAndWritesNothing(string name, string? input)
    {
        await CreateAsync("a", "order", "{\"n\":1}");

        var result = await WriteAsync(new CreateInstanceWrite(Samples.Instance("a", name, input, new Dictionary<string, string> { ["k"] = "v" })));

        result.Outcome.Should().Be(WriteOutcome.Conflict);
        result.Enqueued.Should().BeEmpty();
        result.Existing!.Name.Should().Be("order");
        (await Store.GetInstanceAsync("a", None))!.Input.Should().Be("{\"n\":1}");
        CountRows("inbox", "a").Should().Be(1);
        CountRows("instance_tags", "a").Should().Be(0);
    }

    [Fact]
    public async Task WriteAsync_CreateNullInputTwice_ReturnsAlreadyExists()
    {
        await CreateAsync("a", input: null);

        var result = await WriteAsync(new CreateInstanceWrite(Samples.Instance("a", input: null)));

        result.Outcome.Should().Be(WriteOutcome.AlreadyExists);
    }

    [Fact]
    public async Task WriteAsync_SameCreateTwiceInOneBatch_SecondIsAlreadyExists()
    {
        var results = await WriteAsync(new CreateInstanceWrite(Samples.Instance("a")), new CreateInstanceWrite(Samples.Instance("a")));

        results.Select(r => r.Outcome).Should().Equal(WriteOutcome.Done, WriteOutcome.AlreadyExists);
        CountRows("instances").Should().Be(1);
    }
}
