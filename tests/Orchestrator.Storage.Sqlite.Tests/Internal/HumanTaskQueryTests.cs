using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

/// <summary>Due times are around <see cref="Samples.T0"/>, in the past, so "overdue" does not depend on the clock.</summary>
public sealed class HumanTaskQueryTests : StoreTestBase
{
    private static readonly DateTime Future = new(9000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task GetHumanTaskAsync_UnknownTask_ReturnsNull() =>
        (await Store.GetHumanTaskAsync("missing", None)).Should().BeNull();

    [Fact]
    public async Task QueryHumanTasksAsync_AnyAssignee_ReturnsTasksOfAnyOfTheCallersAssigneeStrings()
    {
        await SeedAsync(
            Samples.Approval("mine-by-user", assignTo: ["user:bob"]),
            Samples.Approval("mine-by-role", assignTo: ["role:finance", "user:zed"]),
            Samples.Approval("other-role", assignTo: ["role:legal"]),
            Samples.Approval("other-user", assignTo: ["user:alice"]));

        var tasks = await QueryAsync(new HumanTaskQuery { AnyAssignee = ["user:bob", "role:finance", "role:viewer"] });

        tasks.Should().BeEquivalentTo("mine-by-user", "mine-by-role");
    }

    [Fact]
    public async Task QueryHumanTasksAsync_PendingForAssignee_ListsOverdueFirstByDueThenNewestFirst()
    {
        await SeedAsync(
            Samples.Approval("old-no-due", createdAt: Samples.T0),
            Samples.Approval("new-no-due", createdAt: Samples.T0.AddMinutes(5)),
            Samples.Approval("newest-future-due", createdAt: Samples.T0.AddMinutes(9), dueAt: Future),
            Samples.Approval("overdue-later", createdAt: Samples.T0.AddMinutes(1), dueAt: Samples.T0.AddHours(2)),
            Samples.Approval("overdue-earlier", createdAt: Samples.T0.AddMinutes(2), dueAt: Samples.T0.AddHours(1)),
            Samples.Approval("decided-overdue", createdAt: Samples.T0.AddMinutes(3), dueAt: Samples.T0.AddHours(3)),
            Samples.Approval("not-mine", assignTo: ["role:legal"], createdAt: Samples.T0.AddMinutes(4)));
        (await WriteAsync(Samples.Decide("decided-overdue", now: Samples.T0.AddHours(2)))).Outcome.Should().Be(WriteOutcome.Done);

        var pending = await QueryAsync(new HumanTaskQuery { Status = HumanTaskStatus.Pending, AnyAssignee = ["role:approver"] });
        var all = await QueryAsync(new HumanTaskQuery { AnyAssignee = ["user:alice"] });

        pending.Should().Equal("overdue-earlier", "overdue-later", "newest-future-due", "new-no-due", "old-no-due");
        all.Should().Equal("overdue-earlier", "overdue-later", "newest-future-due", "new-no-due", "decided-overdue", "old-no-due");
    }

    [Fact]
    public async Task QueryHumanTasksAsync_StatusAndInstanceFilters_ReturnOnlyMatchingTasks()
    {
        await SeedAsync(Samples.Approval("a1"), Samples.Approval("a2"), Samples.Approval("b1", instanceId: "b"));
        await WriteAsync(new UpdateHumanTaskWrite("a2", HumanTaskStatus.Expired, null, null, Samples.T0));

        (await QueryAsync(new HumanTaskQuery { InstanceId = "a" })).Should().BeEquivalentTo("a1", "a2");
        (await QueryAsync(new HumanTaskQuery { Status = HumanTaskStatus.Pending })).Should().BeEquivalentTo("a1", "b1");
        (await QueryAsync(new HumanTaskQuery { Status = HumanTaskStatus.Expired, InstanceId = "a" })).Should().Equal("a2");
        (await QueryAsync(new HumanTaskQuery { AnyAssignee = [] })).Should().BeEmpty();
        (await QueryAsync(new HumanTaskQuery())).Should().HaveCount(3);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(2, 2)]
    [InlineData(10_000, 500)]
    public async Task QueryHumanTasksAsync_Limit_IsClampedToOneThrough500(int limit, int expected)
    {
        await CreateAsync("a");
        await WriteAsync([.. Enumerable.Range(0, 501).Select(i => new CreateHumanTaskWrite(Samples.Approval($"t{i}")))]);

        var tasks = await Store.QueryHumanTasksAsync(new HumanTaskQuery { Limit = limit }, None);

        tasks.Should().HaveCount(expected);
    }

    [Fact]
    public async Task QueryHumanTasksAsync_AfterEscalation_FindsTaskByNewAssigneeOnly()
    {
        await SeedAsync(Samples.Approval("t1", assignTo: ["role:approver"]));

        await WriteAsync(new UpdateHumanTaskWrite("t1", HumanTaskStatus.Pending, ["role:manager"], Future, Samples.T0));

        (await QueryAsync(new HumanTaskQuery { AnyAssignee = ["role:approver"] })).Should().BeEmpty();
        (await QueryAsync(new HumanTaskQuery { AnyAssignee = ["role:manager"] })).Should().Equal("t1");
    }

    /// <summary>Creates the tasks' instances (Running) and the tasks.</summary>
    private async Task SeedAsync(params HumanTask[] tasks)
    {
        foreach (var instanceId in tasks.Select(t => t.InstanceId).Distinct())
        {
            await CreateAsync(instanceId);
            await SetStatusAsync(instanceId, InstanceStatus.Running);
        }

        var results = await WriteAsync([.. tasks.Select(t => new CreateHumanTaskWrite(t))]);
        results.Should().OnlyContain(r => r.Outcome == WriteOutcome.Done);
    }

    private async Task<IReadOnlyList<string>> QueryAsync(HumanTaskQuery query) =>
        [.. (await Store.QueryHumanTasksAsync(query, None)).Select(t => t.TaskId)];
}
