using Orchestrator.Core.History;
using Orchestrator.Core.Replay;
using Orchestrator.Core.Runtime;

namespace Orchestrator.Core.Tests.Replay;

public class ReplayTests
{
    private static async Task<string> Pipeline(WorkflowContext ctx, string order)
    {
        var reserved = await ctx.CallActivityAsync<string>("reserve", order);
        await ctx.CreateTimerAsync(TimeSpan.FromMinutes(5));
        var charged = await ctx.CallActivityAsync<string>("charge", reserved);
        return charged;
    }

    [Fact]
    public void Replay_FullHistory_RebuildsStateWithoutNewActions()
    {
        var h = ReplayHarness.For<string, string>(Pipeline);
        h.Start("\"o-1\"");
        h.Turn(h.Completed(0, "r-1"));
        h.Turn(h.Fired(1));

        var replayed = h.Reload();

        replayed.HasUnrecordedActions.Should().BeFalse();
        replayed.OpenTasks.Should().ContainSingle().Which.Action.Should().BeOfType<TaskScheduled>().Which.Name.Should().Be("charge");
        replayed.Status.Should().Be(InstanceStatus.Running);
    }

    [Fact]
    public void Replay_ThenContinueLive_ProducesSameResultAsUninterruptedRun()
    {
        var uninterrupted = ReplayHarness.For<string, string>(Pipeline);
        uninterrupted.Start("\"o-1\"");
        uninterrupted.Turn(uninterrupted.Completed(0, "r-1"));
        uninterrupted.Turn(uninterrupted.Fired(1));
        uninterrupted.Turn(uninterrupted.Completed(2, "paid"));

        var crashed = ReplayHarness.For<string, string>(Pipeline);
        crashed.Start("\"o-1\"");
        crashed.Turn(crashed.Completed(0, "r-1"));
        crashed.Reload();
        crashed.Turn(crashed.Fired(1));
        crashed.Reload();
        crashed.Turn(crashed.Completed(2, "paid"));

        crashed.Executor.Output.Should().Be(uninterrupted.Executor.Output).And.Be("\"paid\"");
    }

    [Fact]
    public void Replay_IsReplayingTrueOnlyForRecordedSteps()
    {
        var observed = new List<bool>();
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            observed.Add(ctx.IsReplaying);
            await ctx.CallActivityAsync("a");
            observed.Add(ctx.IsReplaying);
            await ctx.CallActivityAsync("b");
            observed.Add(ctx.IsReplaying);
            return "done";
        });
        h.Start();
        h.Turn(h.Completed(0, null));
        observed.Clear();

        h.Reload();
        h.Turn(h.Completed(1, null));

        observed.Should().Equal(true, true, false);
    }

    [Fact]
    public void Replay_NewGuid_IsStableAcrossReplays()
    {
        var guids = new List<Guid>();
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            guids.Add(ctx.NewGuid());
            await ctx.CallActivityAsync("a");
            return "x";
        });
        h.Start();
        h.Reload();

        guids.Should().HaveCount(2);
        guids[0].Should().Be(guids[1]).And.NotBe(Guid.Empty);
    }

    [Fact]
    public void Replay_ChangedActivityName_FailsNamingStepAndBothActions()
    {
        var version = 1;
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("reserve");
            await ctx.CallActivityAsync(version == 1 ? "charge-card" : "charge-wallet");
            return "ok";
        });
        h.Start();
        h.Turn(h.Completed(0, null));

        version = 2;
        var replayed = h.Reload();

        replayed.Status.Should().Be(InstanceStatus.Failed);
        replayed.Failure!.ErrorType.Should().Be(NonDeterminismException.ErrorType);
        replayed.Failure.ErrorMessage.Should().Contain("Step #1").And.Contain("'charge-card'").And.Contain("'charge-wallet'");
        replayed.CompletionRecorded.Should().BeFalse();
    }

    [Fact]
    public void Replay_RemovedStep_FailsAsNonDeterministic()
    {
        var skip = false;
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            if (!skip)
            {
                await ctx.CallActivityAsync("audit");
            }

            await ctx.CreateTimerAsync(TimeSpan.FromMinutes(1));
            return "ok";
        });
        h.Start();

        skip = true;
        var replayed = h.Reload();

        replayed.Status.Should().Be(InstanceStatus.Failed);
        replayed.Failure!.ErrorMessage.Should().Contain("Step #0").And.Contain("activity 'audit'").And.Contain("timer");
    }

    [Fact]
    public void Replay_FailedReplay_RecordsCompletionInNextTurn()
    {
        var name = "a";
        var h = ReplayHarness.For<string, string>(async (ctx, _) => await ctx.CallActivityAsync<string>(name));
        h.Start();
        name = "b";
        h.Reload();

        var output = h.Turn();

        output.NewEvents.OfType<ExecutionCompleted>().Single().Status.Should().Be(InstanceStatus.Failed);
    }

    [Fact]
    public void IsPatched_OldHistory_TakesOldPathOnReplay()
    {
        var patchedCode = false;
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("reserve");
            if (patchedCode && ctx.IsPatched("sms"))
            {
                await ctx.CallActivityAsync("notify-sms");
            }
            else
            {
                await ctx.CallActivityAsync("notify-email");
            }

            return "ok";
        });
        h.Start();
        h.Turn(h.Completed(0, null));

        patchedCode = true;
        var replayed = h.Reload();

        replayed.Status.Should().Be(InstanceStatus.Running);
        replayed.OpenTasks.Single().Action.Should().BeOfType<TaskScheduled>().Which.Name.Should().Be("notify-email");
    }

    [Fact]
    public void IsPatched_NewInstance_TakesNewPathAndRecordsMarkerThatReplays()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync(ctx.IsPatched("sms") ? "notify-sms" : "notify-email");
            return "ok";
        });

        var output = h.Start();
        output.NewEvents.OfType<GenericEvent>().Single().Data.Should().Be("patch:sms");
        output.NewEvents.OfType<TaskScheduled>().Single().Name.Should().Be("notify-sms");

        var replayed = h.Reload();
        replayed.Status.Should().Be(InstanceStatus.Running);
        replayed.OpenTasks.Single().Action.Should().BeOfType<TaskScheduled>().Which.Name.Should().Be("notify-sms");
    }

    [Fact]
    public void RemoveFailure_FailedStep_IsRemovedWithCompletionAndCompletedStepsKept()
    {
        var h = ReplayHarness.For<string, string>(async (ctx, _) =>
        {
            await ctx.CallActivityAsync("a");
            await ctx.CallActivityAsync("b");
            return "ok";
        });
        h.Start();
        h.Turn(h.Completed(0, null));
        h.Turn(h.Failed(1, "transient"));

        var kept = WorkflowEngine.RemoveFailure(h.History);

        kept.OfType<TaskFailed>().Should().BeEmpty();
        kept.OfType<ExecutionCompleted>().Should().BeEmpty();
        kept.OfType<TaskCompleted>().Should().ContainSingle();
        var replayed = h.ReplayInto(kept);
        replayed.Status.Should().Be(InstanceStatus.Running);
        replayed.OpenTasks.Single().Action.Should().BeOfType<TaskScheduled>().Which.Name.Should().Be("b");
    }
}
