using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Server.Steps;

namespace Orchestrator.Server.Tests.Steps;

public sealed class StepProjectorTests
{
    private static readonly DateTime T0 = new(2025, 1, 2, 3, 4, 5, DateTimeKind.Utc);

    [Fact]
    public void Project_ActivityCall_IsOneStepFromScheduledToCompleted()
    {
        var steps = StepProjector.Project(
            [
                Started("""{"steps":1}"""),
                new TaskScheduled(0, T0.AddSeconds(1), "charge", """{"amount":5}"""),
                new TaskCompleted(-1, T0.AddSeconds(2), 0, """{"ok":true}""", 3),
                new ExecutionCompleted(1, T0.AddSeconds(3), InstanceStatus.Completed, "42", null),
            ],
            principal: "fallback");

        steps.Should().HaveCount(2);
        steps[0].Should().BeEquivalentTo(new
        {
            Sequence = 1,
            Kind = "workflow",
            Name = "orders",
            Status = "Completed",
            StartedAt = T0,
            CompletedAt = T0.AddSeconds(3),
            Input = """{"steps":1}""",
            Output = "42",
            Principal = "alice",
        });
        steps[1].Should().BeEquivalentTo(new
        {
            Sequence = 2,
            Kind = "activity",
            Name = "charge",
            Status = "Completed",
            StartedAt = T0.AddSeconds(1),
            CompletedAt = T0.AddSeconds(2),
            Attempt = 3,
            Input = """{"amount":5}""",
            Output = """{"ok":true}""",
            Principal = "alice",
        });
    }

    [Fact]
    public void Project_FailedActivityAndWorkflow_CarryTheFailure()
    {
        var failure = new FailureDetails("System.InvalidOperationException", "card declined");

        var steps = StepProjector.Project(
            [
                Started(null),
                new TaskScheduled(0, T0, "charge", null),
                new TaskFailed(-1, T0.AddSeconds(1), 0, failure, 2),
                new ExecutionCompleted(1, T0.AddSeconds(2), InstanceStatus.Failed, null, failure),
            ],
            principal: null);

        steps[1].Status.Should().Be("Failed");
        steps[1].Attempt.Should().Be(2);
        steps[1].Error.Should().Be(failure);
        steps[0].Status.Should().Be("Failed");
        steps[0].Error.Should().Be(failure);
    }

    [Fact]
    public void Project_TimerSubWorkflowEventsPatchAndOperations_HaveTheirKinds()
    {
        var fireAt = T0.AddHours(1);

        var steps = StepProjector.Project(
            [
                Started(null),
                new TimerCreated(0, T0, fireAt),
                new TimerFired(-1, fireAt, fireAt, 0),
                new SubOrchestrationInstanceCreated(1, T0, "child-1", "orders.ship", "1", """{"box":1}"""),
                new SubOrchestrationInstanceCompleted(-1, T0.AddMinutes(1), 1, "\"shipped\""),
                new EventRaised(-1, T0.AddMinutes(2), "approval", """{"approved":true}"""),
                new EventSent(2, T0.AddMinutes(3), "other-1", "ping", "1"),
                new GenericEvent(-1, T0.AddMinutes(4), "patch:new-pricing"),
                new ExecutionSuspended(-1, T0.AddMinutes(5), "lunch"),
                new ExecutionResumed(-1, T0.AddMinutes(6), null),
                new OrchestratorStarted(-1, T0.AddMinutes(6)),
                new ExecutionTerminated(-1, T0.AddMinutes(7), "stop", Recurse: true),
            ],
            principal: null);

        steps.Select(s => (s.Kind, s.Name, s.Status)).Should().Equal(
            ("workflow", "orders", "Running"),
            ("timer", "2025-01-02T04:04:05.0000000Z", "Fired"),
            ("subWorkflow", "orders.ship", "Completed"),
            ("event", "approval", "Received"),
            ("eventSent", "ping", "Sent"),
            ("patch", "new-pricing", "Applied"),
            ("operation", "suspend", "Applied"),
            ("operation", "resume", "Applied"),
            ("operation", "terminate", "Applied"));
        steps[2].ChildInstanceId.Should().Be("child-1");
        steps[2].Output.Should().Be("\"shipped\"");
        steps[3].Output.Should().Be("""{"approved":true}""");
        steps[4].TargetInstanceId.Should().Be("other-1");
        steps[6].Input.Should().Be("\"lunch\"");
        steps[7].Input.Should().BeNull();
    }

    [Fact]
    public void Apply_InBatches_ReturnsOnlyTheStepsEachBatchChanged()
    {
        var projector = new StepProjector("alice");

        var first = projector.Apply([Started(null), new TaskScheduled(0, T0, "a", null), new TaskScheduled(1, T0, "b", null)]);
        var second = projector.Apply([new TaskCompleted(-1, T0.AddSeconds(1), 1, "2", 1)]);
        var third = projector.Apply([new TaskCompleted(-1, T0.AddSeconds(2), 0, "1", 1), new ExecutionCompleted(2, T0.AddSeconds(3), InstanceStatus.Completed, null, null)]);

        first.Select(s => s.Sequence).Should().Equal(1, 2, 3);
        second.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Sequence = 3, Name = "b", Status = "Completed" });
        third.Select(s => (s.Sequence, s.Status)).Should().Equal((1, "Completed"), (2, "Completed"));
        projector.Steps.Should().HaveCount(3);
    }

    [Fact]
    public void Apply_Rewound_ReopensTheWorkflowStepAndRecordsTheRestart()
    {
        var projector = new StepProjector(null);
        projector.Apply([Started(null), new ExecutionCompleted(0, T0, InstanceStatus.Failed, null, new FailureDetails("E", "m"))]);

        var changed = projector.Apply([new ExecutionRewound(-1, T0.AddSeconds(1), "fixed")]);

        changed.Select(s => (s.Kind, s.Status)).Should().Equal(("workflow", "Running"), ("operation", "Applied"));
        projector.Steps[0].Error.Should().BeNull();
        projector.Steps[0].CompletedAt.Should().BeNull();
        projector.Steps[1].Name.Should().Be("restart");
    }

    [Fact]
    public void Reset_ForgetsStepsSoAReplacedHistoryStartsAtOne()
    {
        var projector = new StepProjector(null);
        projector.Apply([Started(null), new TaskScheduled(0, T0, "a", null)]);

        projector.Reset();
        var steps = projector.Apply([Started(null)]);

        steps.Should().ContainSingle().Which.Sequence.Should().Be(1);
        projector.Steps.Should().HaveCount(1);
    }

    [Fact]
    public void Apply_CompletionWithoutSchedule_StillShowsTheStep()
    {
        var steps = StepProjector.Project([new TaskCompleted(-1, T0, 7, "1", 1)], principal: "bob");

        steps.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Kind = "activity", Name = "#7", Status = "Completed", Principal = "bob" });
    }

    [Fact]
    public void Project_AgentRun_ActivitiesActAsTheirScheduledPairAndOtherStepsAsTheInstancesAgent()
    {
        var usage = new UsageReport("default", 10, 2, 3, 0.01m);

        var steps = StepProjector.Project(
            [
                new ExecutionStarted(-1, T0, "support", "1", null, "e1", null, "alice", Agent: "triage"),
                new TaskScheduled(0, T0, "model.call", null, "triage", "alice"),
                new TaskCompleted(-1, T0.AddSeconds(1), 0, "\"hi\"", 1, usage),
                new TaskScheduled(1, T0, "tool.lookup", null, "lookup", "bob"),
                new TimerCreated(2, T0, T0.AddHours(1)),
            ],
            principal: "fallback");

        steps.Select(s => (s.Kind, s.Agent, s.OnBehalfOf, s.Principal)).Should().Equal(
            ("workflow", "triage", "alice", "triage for alice"),
            ("activity", "triage", "alice", "triage for alice"),
            ("activity", "lookup", "bob", "lookup for bob"),
            ("timer", "triage", "alice", "triage for alice"));
        steps[1].Usage.Should().Be(usage);
        steps[2].Usage.Should().BeNull();
    }

    [Fact]
    public void Project_PrincipalWithoutAgentOrWithoutUser_IsTheOneThatIsKnown()
    {
        var steps = StepProjector.Project(
            [
                new ExecutionStarted(-1, T0, "batch", "1", null, "e1", null, null, Agent: "nightly"),
                new TaskScheduled(0, T0, "a", null),
            ],
            principal: null);
        var anonymous = StepProjector.Project([new ExecutionStarted(-1, T0, "batch", "1", null, "e1", null, null)], principal: null);

        steps.Select(s => s.Principal).Should().Equal("nightly", "nightly");
        anonymous.Single().Principal.Should().BeNull();
    }

    [Fact]
    public void Project_UnspecifiedKindTimes_BecomeUtc()
    {
        var local = DateTime.SpecifyKind(T0, DateTimeKind.Unspecified);

        var steps = StepProjector.Project([new ExecutionStarted(-1, local, "orders", "1", null, "e1", null, null)], principal: null);

        steps[0].StartedAt.Kind.Should().Be(DateTimeKind.Utc);
    }

    private static ExecutionStarted Started(string? input) => new(-1, T0, "orders", "1", input, "e1", null, "alice");
}
