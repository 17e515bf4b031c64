using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Server.Steps;

namespace Orchestrator.Server.Tests.Steps;

/// <summary>The timeline tells what happened: lost timers end, waits are steps, agents have names, failed attempts show.</summary>
public sealed class StepProjectorTruthTests
{
    private static readonly DateTime T0 = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Project_TimerThatLostTheRaceToTheEnd_IsCancelledWhenTheInstanceFinishes()
    {
        var steps = StepProjector.Project(
            [
                Started(),
                new TimerCreated(0, T0, T0.AddHours(1)),
                new TaskScheduled(1, T0, "work", null),
                new TaskCompleted(-1, T0.AddSeconds(2), 1, "1", 1),
                new ExecutionCompleted(2, T0.AddSeconds(3), InstanceStatus.Completed, "1", null),
            ],
            principal: null);

        steps.Select(s => (s.Kind, s.Status)).Should().Equal(("workflow", "Completed"), ("timer", "Cancelled"), ("activity", "Completed"));
        steps[1].CompletedAt.Should().Be(T0.AddSeconds(3));
    }

    [Fact]
    public void Project_WaitWithATimeout_IsOneWaitStepWithItsDeadline_ReceivedWhenTheEventCameFirst()
    {
        var deadline = T0.AddMinutes(30);

        var steps = StepProjector.Project(
            [
                Started(),
                new TimerCreated(0, T0, deadline),
                new EventWaitStarted(-1, T0, "go", deadline, 0),
                new EventRaised(-1, T0.AddMinutes(1), "go", "\"now\""),
                new TimerCancelled(-1, T0.AddMinutes(1), 0),
                new TimerFired(-1, deadline, deadline, 0),
            ],
            principal: null);

        steps.Select(s => (s.Kind, s.Name, s.Status)).Should().Equal(
            ("workflow", "orders", "Running"), ("wait", "go", "Received"), ("event", "go", "Received"));
        steps[1].Title.Should().Be("Waiting for event go");
        steps[1].Deadline.Should().Be(deadline);
        steps[1].CompletedAt.Should().Be(T0.AddMinutes(1));
        steps[1].Output.Should().Be("\"now\"");
    }

    [Fact]
    public void Project_WaitWhoseDeadlineCameFirst_TimedOut()
    {
        var deadline = T0.AddMinutes(30);

        var steps = StepProjector.Project(
            [Started(), new TimerCreated(0, T0, deadline), new EventWaitStarted(-1, T0, "go", deadline, 0), new TimerFired(-1, deadline, deadline, 0)],
            principal: null);

        steps[1].Should().BeEquivalentTo(new { Kind = "wait", Status = "TimedOut", CompletedAt = deadline });
    }

    [Fact]
    public void Project_TimerGivenUpByItsCancellationToken_IsCancelledAndStaysSo()
    {
        var steps = StepProjector.Project(
            [Started(), new TimerCreated(0, T0, T0.AddHours(1)), new TimerCancelled(-1, T0.AddMinutes(1), 0), new TimerFired(-1, T0.AddHours(1), T0.AddHours(1), 0)],
            principal: null);

        steps[1].Should().BeEquivalentTo(new { Kind = "timer", Status = "Cancelled", CompletedAt = T0.AddMinutes(1) });
    }

    [Fact]
    public void Project_ApprovalWait_IsTitledWithTheApprovalsTitle_AndOpenUntilTheDecision()
    {
        var steps = StepProjector.Project(
            [
                Started(),
                new TaskScheduled(0, T0, "orchestrator.approval-create", """{"taskId":"t-9","request":{"title":"Refund 900 EUR?"}}"""),
                new TaskCompleted(-1, T0.AddSeconds(1), 0, "{}", 1),
                new EventWaitStarted(-1, T0.AddSeconds(1), "approval:t-9", null, null),
                new EventWaitStarted(-1, T0.AddSeconds(1), "approval:unknown", null, null),
            ],
            principal: null);

        steps[2].Should().BeEquivalentTo(new { Kind = "wait", Name = "approval:t-9", Status = "Waiting", Title = "Waiting for approval: Refund 900 EUR?" });
        steps[2].Deadline.Should().BeNull();
        steps[3].Title.Should().Be("Waiting for approval");
    }

    [Fact]
    public void Project_AgentSubWorkflows_AreTitledWithTheAgentsName()
    {
        var steps = StepProjector.Project(
            [
                Started(),
                new SubOrchestrationInstanceCreated(0, T0, "p:0000", "orchestrator.agent", null, null, "researcher-web"),
                new SubOrchestrationInstanceCreated(1, T0, "p:0001", "orchestrator.agent", null, null, "refund-flow.Triage"),
                new SubOrchestrationInstanceCreated(2, T0, "p:0002", "orders.ship", null, null),
            ],
            principal: null);

        steps.Skip(1).Select(s => s.Title).Should().Equal("Agent researcher-web", "Agent refund-flow.Triage", null);
    }

    [Fact]
    public void Project_RetriedActivity_ListsEachFailedAttemptWithItsError()
    {
        var first = new FailureDetails("System.TimeoutException", "timed out");
        var second = new FailureDetails("System.Net.Http.HttpRequestException", "502 Bad Gateway");

        var steps = StepProjector.Project(
            [
                Started(),
                new TaskScheduled(0, T0, "charge", null),
                new TaskAttemptFailed(-1, T0.AddSeconds(1), 0, 1, first, T0.AddSeconds(2)),
                new TaskAttemptFailed(-1, T0.AddSeconds(3), 0, 2, second, T0.AddSeconds(5)),
                new TaskCompleted(-1, T0.AddSeconds(6), 0, "\"ok\"", 3),
            ],
            principal: null);

        steps[1].Should().BeEquivalentTo(new { Status = "Completed", Attempt = 3 });
        steps[1].Attempts.Should().Equal(new StepAttempt(1, T0.AddSeconds(1), first), new StepAttempt(2, T0.AddSeconds(3), second));
    }

    [Fact]
    public void Apply_FailedAttemptWhileRetrying_ChangesTheStepAndShowsTheNextAttempt()
    {
        var projector = new StepProjector(null);
        projector.Apply([Started(), new TaskScheduled(0, T0, "charge", null)]);

        var changed = projector.Apply([new TaskAttemptFailed(-1, T0.AddSeconds(1), 0, 1, new FailureDetails("E", "m"), T0.AddSeconds(2))]);

        changed.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Sequence = 2, Status = "Scheduled", Attempt = 2 });
    }

    private static ExecutionStarted Started() => new(-1, T0, "orders", "1", null, "e1", null, "alice");
}
