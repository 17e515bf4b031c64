using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class HumanTaskWriteTests : StoreTestBase
{
    [Fact]
    public async Task WriteAsync_CreateHumanTask_StoresEveryFieldAndItsAssignees()
    {
        var task = Samples.Approval("t1", dueAt: Samples.T0.AddHours(1));

        var result = await WriteAsync(new CreateHumanTaskWrite(task));

        result.Should().Be(StoreWriteResult.Ok);
        (await Store.GetHumanTaskAsync("t1", None)).Should().BeEquivalentTo(task);
        AssigneesOf("t1").Should().BeEquivalentTo("role:approver", "user:alice");
    }

    [Fact]
    public async Task WriteAsync_CreateExistingTaskId_ReturnsAlreadyExistsAndChangesNothing()
    {
        var task = Samples.Approval("t1");
        await WriteAsync(new CreateHumanTaskWrite(task));

        var results = await WriteAsync(
            new CreateHumanTaskWrite(task),
            new CreateHumanTaskWrite(Samples.Approval("t1", assignTo: ["user:mallory"]) with { Title = "other" }));

        results.Select(r => r.Outcome).Should().Equal(WriteOutcome.AlreadyExists, WriteOutcome.AlreadyExists);
        (await Store.GetHumanTaskAsync("t1", None)).Should().BeEquivalentTo(task);
        AssigneesOf("t1").Should().BeEquivalentTo("role:approver", "user:alice");
    }

    [Theory]
    [InlineData("alice", new string[0])]
    [InlineData("bob", new[] { "viewer", "approver" })]
    [InlineData("root", new[] { "admin" })]
    public async Task WriteAsync_DecideByAssignee_RecordsDecisionAndRaisesOneEvent(string user, string[] roles)
    {
        await CreateTaskAsync(Samples.Approval("t1", dueAt: Samples.T0.AddHours(1)));
        var decide = Samples.Decide("t1", user, roles, HumanTaskStatus.Rejected);

        var result = await WriteAsync(decide);

        result.Outcome.Should().Be(WriteOutcome.Done);
        var task = (await Store.GetHumanTaskAsync("t1", None))!;
        task.Should().BeEquivalentTo(new
        {
            Status = HumanTaskStatus.Rejected,
            DecidedBy = user,
            DecidedAt = decide.Now,
            Comment = "looks fine",
            EditsJson = "{\"amount\":100}",
        });
        var inbox = (await Store.LoadInstanceAsync("a", None))!.Inbox;
        var raised = inbox.Where(m => m.Event is EventRaised).Should().ContainSingle().Subject;
        raised.Should().Be(result.Enqueued.Single());
        raised.Event.Should().Be(new EventRaised(
            -1, decide.Now, "approval:t1",
            OrchestratorJson.Serialize(new HumanTaskDecision("t1", HumanTaskStatus.Rejected, user, decide.Now, "looks fine", "{\"amount\":100}")),
            RaisedByEngine: true,
            By: user));
        OrchestratorJson.Deserialize<HumanTaskDecision>(((EventRaised)raised.Event).Input).Should()
            .Be(new HumanTaskDecision("t1", HumanTaskStatus.Rejected, user, decide.Now, "looks fine", "{\"amount\":100}"));
    }

    [Theory]
    [InlineData("mallory", new string[0])]
    [InlineData("bob", new[] { "viewer" })]
    [InlineData("approver", new string[0])]
    public async Task WriteAsync_DecideByNonAssignee_ReturnsForbiddenAndWritesNothing(string user, string[] roles)
    {
        await CreateTaskAsync(Samples.Approval("t1"));
        var before = await Store.GetHumanTaskAsync("t1", None);

        var result = await WriteAsync(Samples.Decide("t1", user, roles));

        result.Outcome.Should().Be(WriteOutcome.Forbidden);
        result.Enqueued.Should().BeEmpty();
        (await Store.GetHumanTaskAsync("t1", None)).Should().BeEquivalentTo(before);
        CountRows("inbox", "a").Should().Be(1, "only the ExecutionStarted message");
    }

    [Fact]
    public async Task WriteAsync_DecideUnknownTask_ReturnsNotFound() =>
        (await WriteAsync(Samples.Decide("missing"))).Outcome.Should().Be(WriteOutcome.NotFound);

    [Fact]
    public async Task WriteAsync_SecondDecision_ReturnsConflictAndKeepsTheFirst()
    {
        await CreateTaskAsync(Samples.Approval("t1"));
        await WriteAsync(Samples.Decide("t1", "alice"));

        var result = await WriteAsync(Samples.Decide("t1", "bob", ["approver"], HumanTaskStatus.Rejected));

        result.Outcome.Should().Be(WriteOutcome.Conflict);
        var task = (await Store.GetHumanTaskAsync("t1", None))!;
        (task.Status, task.DecidedBy).Should().Be((HumanTaskStatus.Approved, "alice"));
        CountRows("inbox", "a").Should().Be(2);
    }

    [Fact]
    public async Task WriteAsync_TwoDecisionsInOneBatch_OneDoneOneConflict()
    {
        await CreateTaskAsync(Samples.Approval("t1"));

        var results = await WriteAsync(Samples.Decide("t1", "alice"), Samples.Decide("t1", "bob", ["approver"], HumanTaskStatus.Rejected));

        results.Select(r => r.Outcome).Should().Equal(WriteOutcome.Done, WriteOutcome.Conflict);
        (await Store.GetHumanTaskAsync("t1", None))!.DecidedBy.Should().Be("alice");
        CountRows("inbox", "a").Should().Be(2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task WriteAsync_DecideAtOrAfterDueTime_ReturnsConflictAndWritesNothing(int secondsLate)
    {
        var due = Samples.T0.AddHours(1);
        await CreateTaskAsync(Samples.Approval("t1", dueAt: due));

        var result = await WriteAsync(Samples.Decide("t1", now: due.AddSeconds(secondsLate)));

        result.Outcome.Should().Be(WriteOutcome.Conflict);
        (await Store.GetHumanTaskAsync("t1", None))!.Status.Should().Be(HumanTaskStatus.Pending);
        CountRows("inbox", "a").Should().Be(1);
    }

    [Theory]
    [InlineData(InstanceStatus.Completed)]
    [InlineData(InstanceStatus.Failed)]
    [InlineData(InstanceStatus.Terminated)]
    public async Task WriteAsync_DecideForFinishedInstance_ReturnsConflictAndWritesNothing(InstanceStatus status)
    {
        await CreateTaskAsync(Samples.Approval("t1"));
        await SetStatusAsync("a", status);

        var result = await WriteAsync(Samples.Decide("t1"));

        result.Outcome.Should().Be(WriteOutcome.Conflict);
        (await Store.GetHumanTaskAsync("t1", None))!.Status.Should().Be(HumanTaskStatus.Pending);
        CountRows("inbox", "a").Should().Be(1);
    }

    [Fact]
    public async Task WriteAsync_DecideWithPendingStatus_ThrowsAndRollsBackTheBatch()
    {
        await CreateTaskAsync(Samples.Approval("t1"));

        var act = () => WriteAsync(new CreateHumanTaskWrite(Samples.Approval("t2")), Samples.Decide("t1", status: HumanTaskStatus.Pending));

        await act.Should().ThrowAsync<ArgumentOutOfRangeException>();
        (await Store.GetHumanTaskAsync("t2", None)).Should().BeNull();
    }

    [Fact]
    public async Task WriteAsync_DecisionEventForAnotherTask_ThrowsAndWritesNothing()
    {
        await CreateTaskAsync(Samples.Approval("t1"));
        var decide = Samples.Decide("t1") with { Decision = Samples.Decide("t2").Decision };

        var act = () => WriteAsync(decide);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*'approval:t1', not 'approval:t2'*");
        (await Store.GetHumanTaskAsync("t1", None))!.Status.Should().Be(HumanTaskStatus.Pending);
        CountRows("inbox", "a").Should().Be(1, "only the ExecutionStarted message");
    }

    [Fact]
    public async Task WriteAsync_Escalate_ReplacesAssigneesAndDueTime()
    {
        await CreateTaskAsync(Samples.Approval("t1", dueAt: Samples.T0.AddHours(1)));
        var newDue = Samples.T0.AddHours(5);

        var result = await WriteAsync(new UpdateHumanTaskWrite("t1", HumanTaskStatus.Pending, ["role:manager"], newDue, Samples.T0.AddHours(1)));

        result.Should().Be(StoreWriteResult.Ok);
        var task = (await Store.GetHumanTaskAsync("t1", None))!;
        (task.Status, task.DueAt, task.DecidedBy).Should().Be((HumanTaskStatus.Pending, newDue, (string?)null));
        task.AssignTo.Should().Equal("role:manager");
        AssigneesOf("t1").Should().Equal("role:manager");

        var late = Samples.T0.AddHours(2);
        (await WriteAsync(Samples.Decide("t1", "alice", ["approver"], now: late))).Outcome.Should().Be(WriteOutcome.Forbidden);
        (await WriteAsync(Samples.Decide("t1", "dave", ["manager"], now: late))).Outcome.Should().Be(WriteOutcome.Done);
    }

    [Fact]
    public async Task WriteAsync_EscalateWithoutAssignees_KeepsAssigneesAndSetsDueTime()
    {
        await CreateTaskAsync(Samples.Approval("t1", dueAt: Samples.T0.AddHours(1)));

        await WriteAsync(new UpdateHumanTaskWrite("t1", HumanTaskStatus.Pending, null, null, Samples.T0.AddHours(1)));

        var task = (await Store.GetHumanTaskAsync("t1", None))!;
        task.DueAt.Should().BeNull();
        task.AssignTo.Should().Equal("role:approver", "user:alice");
        AssigneesOf("t1").Should().BeEquivalentTo("role:approver", "user:alice");
    }

    [Theory]
    [InlineData(HumanTaskStatus.Expired)]
    [InlineData(HumanTaskStatus.Approved)]
    [InlineData(HumanTaskStatus.Rejected)]
    public async Task WriteAsync_ResolveBySystem_SetsStatusWithoutEventAndRefusesLaterDecisions(HumanTaskStatus status)
    {
        await CreateTaskAsync(Samples.Approval("t1", dueAt: Samples.T0.AddHours(1)));
        var at = Samples.T0.AddHours(1);

        var result = await WriteAsync(new UpdateHumanTaskWrite("t1", status, null, null, at));

        result.Should().Be(StoreWriteResult.Ok);
        var task = (await Store.GetHumanTaskAsync("t1", None))!;
        (task.Status, task.DecidedBy, task.DecidedAt).Should().Be((status, "system", (DateTime?)at));
        CountRows("inbox", "a").Should().Be(1, "the workflow applies its own timeout rule");
        (await WriteAsync(Samples.Decide("t1", now: Samples.T0))).Outcome.Should().Be(WriteOutcome.Conflict);
    }

    [Fact]
    public async Task WriteAsync_UpdateDecidedTask_ReturnsConflictAndKeepsTheDecision()
    {
        await CreateTaskAsync(Samples.Approval("t1"));
        await WriteAsync(Samples.Decide("t1", "alice"));

        var results = await WriteAsync(
            new UpdateHumanTaskWrite("t1", HumanTaskStatus.Expired, null, null, Samples.T0.AddHours(1)),
            new UpdateHumanTaskWrite("t1", HumanTaskStatus.Pending, ["user:zed"], null, Samples.T0.AddHours(1)));

        results.Select(r => r.Outcome).Should().Equal(WriteOutcome.Conflict, WriteOutcome.Conflict);
        var task = (await Store.GetHumanTaskAsync("t1", None))!;
        (task.Status, task.DecidedBy).Should().Be((HumanTaskStatus.Approved, "alice"));
        AssigneesOf("t1").Should().BeEquivalentTo("role:approver", "user:alice");
    }

    [Fact]
    public async Task WriteAsync_UpdateUnknownTask_ReturnsNotFound() =>
        (await WriteAsync(new UpdateHumanTaskWrite("missing", HumanTaskStatus.Expired, null, null, Samples.T0))).Outcome
            .Should().Be(WriteOutcome.NotFound);

    [Fact]
    public async Task WriteAsync_PurgeInstance_DeletesItsTasksAndAssigneesOnly()
    {
        await CreateTaskAsync(Samples.Approval("t1"));
        await CreateAsync("b");
        await WriteAsync(new CreateHumanTaskWrite(Samples.Approval("t2", instanceId: "b")));
        await SetStatusAsync("a", InstanceStatus.Completed);

        (await WriteAsync(new PurgeWrite("a"))).Should().Be(StoreWriteResult.Ok);

        (await Store.GetHumanTaskAsync("t1", None)).Should().BeNull();
        AssigneesOf("t1").Should().BeEmpty();
        (await Store.GetHumanTaskAsync("t2", None)).Should().NotBeNull();
        AssigneesOf("t2").Should().HaveCount(2);
    }

    /// <summary>Creates instance "a" (Running) and the task.</summary>
    private async Task CreateTaskAsync(HumanTask task)
    {
        await CreateAsync(task.InstanceId);
        await SetStatusAsync(task.InstanceId, InstanceStatus.Running);
        (await WriteAsync(new CreateHumanTaskWrite(task))).Outcome.Should().Be(WriteOutcome.Done);
    }
}
