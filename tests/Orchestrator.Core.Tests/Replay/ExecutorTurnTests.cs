using Orchestrator.Core.History;
using Orchestrator.Core.Tests.Replay;

namespace Orchestrator.Core.Tests.Replay;

public class ExecutorTurnTests
{
    private static async Task<int> Sequence(WorkflowContext ctx, int steps)
    {
        var total = 0;
        for (var i = 0; i < steps; i++)
        {
            total += await ctx.CallActivityAsync<int>("add", i);
        }

        return total;
    }

    [Fact]
    public void Start_SequentialWorkflow_SchedulesFirstActivityOnly()
    {
        var h = ReplayHarness.For<int, int>(Sequence);

        var output = h.Start("3");

        output.NewEvents.Should().SatisfyRespectively(
            e => e.Should().BeOfType<OrchestratorStarted>(),
            e => e.Should().BeOfType<ExecutionStarted>(),
            e => e.Should().BeOfType<TaskScheduled>().Which.Should().Match<TaskScheduled>(t => t.EventId == 0 && t.Name == "add" && t.Input == "0"));
        h.Executor.Status.Should().Be(InstanceStatus.Running);
    }

    [Fact]
    public void Turn_ActivityResults_ScheduleNextThenComplete()
    {
        var h = ReplayHarness.For<int, int>(Sequence);
        h.Start("2");

        h.Turn(h.Completed(0, 10)).NewEvents.OfType<TaskScheduled>().Single().EventId.Should().Be(1);
        var last = h.Turn(h.Completed(1, 5));

        var completed = last.NewEvents.OfType<ExecutionCompleted>().Single();
        completed.Status.Should().Be(InstanceStatus.Completed);
        completed.Result.Should().Be("15");
        h.Executor.Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public void Turn_FanOut_SchedulesAllInOneTurnAndCompletesInAnyOrder()
    {
        var h = ReplayHarness.For<int, int>(async (ctx, n) =>
        {
            var results = await Task.WhenAll(Enumerable.Range(0, n).Select(i => ctx.CallActivityAsync<int>("square", i)));
            return results.Sum();
        });

        h.Start("3").NewEvents.OfType<TaskScheduled>().Select(t => t.EventId).Should().Equal(0, 1, 2);
        h.Turn(h.Completed(2, 4), h.Completed(0, 0)).NewEvents.OfType<ExecutionCompleted>().Should().BeEmpty();
        h.Turn(h.Completed(1, 1)).NewEvents.OfType<ExecutionCompleted>().Single().Result.Should().Be("5");
    }

    [Fact]
    public void Turn_ActivityFailureCaught_WorkflowCompensates()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            try
            {
                await ctx.CallActivityAsync("charge");
                return "charged";
            }
            catch (WorkflowTaskFailedException ex) when (ex.Failure.IsCausedBy("CardDeclinedException"))
            {
                await ctx.CallActivityAsync("release-stock");
                return "declined";
            }
        });
        h.Start();

        h.Turn(h.Failed(0, "card declined", "Shop.CardDeclinedException")).NewEvents.OfType<TaskScheduled>().Single().Name.Should().Be("release-stock");
        h.Turn(h.Completed(1, null)).NewEvents.OfType<ExecutionCompleted>().Single().Result.Should().Be("\"declined\"");
    }

    [Fact]
    public void Turn_UncaughtActivityFailure_FailsInstanceWithCause()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) => await ctx.CallActivityAsync<string>("boom"));
        h.Start();

        h.Turn(h.Failed(0, "disk full"));

        h.Executor.Status.Should().Be(InstanceStatus.Failed);
        h.Executor.Failure!.InnerFailure!.ErrorMessage.Should().Be("disk full");
        h.Executor.Failure.ErrorMessage.Should().Contain("boom");
    }

    [Fact]
    public void Turn_WorkflowThrowsOnBadInput_FailsWithTheException()
    {
        var h = ReplayHarness.For<int, int>((_, n) => n < 0 ? throw new ArgumentException("steps must be >= 0") : Task.FromResult(n));

        h.Start("-1");

        h.Executor.Status.Should().Be(InstanceStatus.Failed);
        h.Executor.Failure!.ErrorType.Should().Be(typeof(ArgumentException).FullName);
        h.Executor.Failure.ErrorMessage.Should().Contain("steps must be >= 0");
    }

    [Fact]
    public void Turn_EventRaisedBeforeWait_IsBufferedAndDelivered()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("prepare");
            return await ctx.WaitForExternalEventAsync<string>("go");
        });
        h.Start();

        h.Turn(h.Raised("go", "early"));
        var done = h.Turn(h.Completed(0, null));

        done.NewEvents.OfType<ExecutionCompleted>().Single().Result.Should().Be("\"early\"");
    }

    [Fact]
    public void Turn_EventTimeout_ThrowsTimeoutExceptionIntoWorkflow()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            try
            {
                return await ctx.WaitForExternalEventAsync<string>("approval", TimeSpan.FromHours(1));
            }
            catch (TimeoutException)
            {
                return "timed out";
            }
        });

        var timer = h.Start().NewEvents.OfType<TimerCreated>().Single();
        timer.FireAt.Should().Be(ReplayHarness.T0.AddSeconds(1).AddHours(1));

        h.Turn(h.Fired(timer.EventId)).NewEvents.OfType<ExecutionCompleted>().Single().Result.Should().Be("\"timed out\"");
    }

    [Fact]
    public void Turn_EventBeforeTimeout_LateTimerIsIgnored()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) => await ctx.WaitForExternalEventAsync<string>("approval", TimeSpan.FromHours(1)));
        var timerId = h.Start().NewEvents.OfType<TimerCreated>().Single().EventId;

        h.Turn(h.Raised("approval", "yes")).NewEvents.OfType<ExecutionCompleted>().Single().Result.Should().Be("\"yes\"");
        h.Turn(h.Fired(timerId)).NewEvents.Should().ContainSingle().Which.Should().BeOfType<OrchestratorStarted>();
    }

    [Fact]
    public void Turn_DurableTimer_UsesDeterministicTime()
    {
        var h = ReplayHarness.For<string, DateTime>(async (ctx, _) =>
        {
            await ctx.CreateTimerAsync(TimeSpan.FromDays(2));
            return ctx.CurrentUtcDateTime;
        });

        var timer = h.Start().NewEvents.OfType<TimerCreated>().Single();
        var done = h.Turn(h.Fired(timer.EventId));

        timer.FireAt.Should().Be(ReplayHarness.T0.AddSeconds(1).AddDays(2));
        OrchestratorJson.Deserialize<DateTime>(done.NewEvents.OfType<ExecutionCompleted>().Single().Result)
            .Should().Be(ReplayHarness.T0.AddSeconds(2));
    }

    [Fact]
    public void Turn_Suspended_DefersEventsUntilResumed()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) => await ctx.WaitForExternalEventAsync<string>("go"));
        h.Start();

        h.Turn(new ExecutionSuspended(-1, ReplayHarness.T0, "maintenance"));
        var whileSuspended = h.Turn(h.Raised("go", "now"));
        whileSuspended.Deferred.Should().ContainSingle();
        h.Executor.Status.Should().Be(InstanceStatus.Suspended);

        h.Turn(new ExecutionResumed(-1, ReplayHarness.T0, null), h.Raised("go", "now"));
        h.Executor.Status.Should().Be(InstanceStatus.Completed);
    }

    [Fact]
    public void Turn_Terminated_EndsWithReasonAndDropsLaterEvents()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) => await ctx.WaitForExternalEventAsync<string>("go"));
        h.Start();

        var output = h.Turn(new ExecutionTerminated(-1, ReplayHarness.T0, "no longer needed", true), h.Raised("go", "x"));

        h.Executor.Status.Should().Be(InstanceStatus.Terminated);
        output.NewEvents.OfType<ExecutionCompleted>().Single().Status.Should().Be(InstanceStatus.Terminated);
        output.Applied.Should().HaveCount(2);
    }

    [Fact]
    public void Turn_ContinueAsNew_CarriesBufferedEvents()
    {
        var h = ReplayHarness.For<int, int>(async (ctx, n) =>
        {
            await ctx.CreateTimerAsync(TimeSpan.FromMinutes(1));
            ctx.ContinueAsNew(n + 1);
            return n;
        });
        var timer = h.Start("1").NewEvents.OfType<TimerCreated>().Single();

        h.Turn(h.Raised("later", 42), h.Fired(timer.EventId));

        h.Executor.ContinueAsNew.Should().NotBeNull();
        h.Executor.ContinueAsNew!.Input.Should().Be("2");
        h.Executor.ContinueAsNew.CarryOver.Should().ContainSingle(e => e.Name == "later" && e.Input == "42");
    }

    [Fact]
    public void Turn_SubWorkflowAndSendEvent_ProduceActionsWithStableIds()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            ctx.SendEvent("other", "ping", new { n = 1 });
            return await ctx.CallSubWorkflowAsync<string>("child");
        });

        var output = h.Start();

        output.NewEvents.OfType<EventSent>().Single().Should().Match<EventSent>(e => e.EventId == 0 && e.InstanceId == "other");
        output.NewEvents.OfType<SubOrchestrationInstanceCreated>().Single().InstanceId.Should().Be("inst-1:0001");
        h.Turn(new SubOrchestrationInstanceCompleted(-1, ReplayHarness.T0, 1, "\"ok\""))
            .NewEvents.OfType<ExecutionCompleted>().Single().Result.Should().Be("\"ok\"");
    }

    [Fact]
    public void SetCustomStatus_IsExposedAfterTurn()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            ctx.SetCustomStatus(new { stage = "waiting" });
            return await ctx.WaitForExternalEventAsync<string>("go");
        });

        h.Start();

        h.Executor.CustomStatus.Should().Be("{\"stage\":\"waiting\"}");
    }
}
