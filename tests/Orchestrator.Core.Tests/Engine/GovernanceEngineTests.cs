using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>The engine's governance primitives: principal pair, usage counted once, Retry-After, human tasks.</summary>
public sealed class GovernanceEngineTests : IDisposable
{
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static void Register(OrchestratorBuilder o)
    {
        o.AddActivity<string, string>("metered", (ctx, s) =>
        {
            ctx.ReportUsage(new UsageReport("gpt-test", 100, 40, 10, 0.0125m));
            return Task.FromResult($"{s} by {ctx.Agent} for {ctx.StartedBy}");
        });
        o.AddWorkflow<string, string>("metered-child", (ctx, s) => ctx.CallActivityAsync<string>("metered", s));
        o.AddWorkflow<string, string>("metered-parent", (ctx, s) => ctx.CallSubWorkflowAsync<string>(
            "metered-child", s, new SubWorkflowOptions { Agent = "helper", Tags = new Dictionary<string, string> { ["agent"] = "helper" } }));
        o.AddWorkflow<string, string>("needs-decision", async (ctx, _) =>
        {
            var decision = await ctx.WaitForExternalEventAsync<HumanTaskDecision>(HumanTask.EventNameFor("task-1"));
            return $"{decision.Status} by {decision.DecidedBy}: {decision.EditsJson}";
        });
    }

    [Fact]
    public async Task SubWorkflowAgent_StampsPrincipalPairOnStepsAndActivities()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);
        var started = await host.Client.StartAsync(new StartWorkflowRequest("metered-parent") { InputJson = "\"x\"", StartedBy = "alice" });

        var done = await host.WaitAsync(started.InstanceId);

        done.Output.Should().Be("\"x by helper for alice\"");
        var child = (await host.Client.ListInstancesAsync(new InstanceQuery { TagKey = "agent", TagValue = "helper" })).Items.Single();
        var scheduled = (await host.Client.GetHistoryAsync(child.InstanceId)).OfType<TaskScheduled>().Single();
        scheduled.Agent.Should().Be("helper");
        scheduled.OnBehalfOf.Should().Be("alice");
    }

    [Fact]
    public async Task ReportUsage_IsRecordedOnceWithTheStepAndTotalled()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);

        var done = await host.RunAsync("metered-child", "y");

        var completed = (await host.Client.GetHistoryAsync(done.InstanceId)).OfType<TaskCompleted>().Single();
        completed.Usage.Should().Be(new UsageReport("gpt-test", 100, 40, 10, 0.0125m));
        done.Usage.Should().Be(new UsageTotals(100, 40, 10, 0.0125m));
        var byModel = await host.Engine.Store.QueryUsageAsync(new UsageQuery("model"), CancellationToken.None);
        byModel.Should().ContainSingle().Which.Should().Be(new UsageGroup("gpt-test", 1, new UsageTotals(100, 40, 10, 0.0125m)));
    }

    [Fact]
    public async Task RetryAfter_NextAttemptWaitsAtLeastAsLongAsAsked()
    {
        var attempts = new List<long>();
        await using var host = await EngineHost.StartAsync(_dir.Path, o =>
        {
            o.AddActivity<string, string>("rate-limited", (ctx, s) =>
            {
                attempts.Add(Stopwatch.GetTimestamp());
                return ctx.Attempt == 1 ? throw new RetryAfterException("429 Too Many Requests", TimeSpan.FromMilliseconds(700)) : Task.FromResult(s);
            });
            o.AddWorkflow<string, string>("polite", (ctx, s) => ctx.CallActivityAsync<string>(
                "rate-limited", s, new RetryPolicy { MaxAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(1) }));
        });

        var done = await host.RunAsync("polite", "ok");

        done.Output.Should().Be("\"ok\"");
        attempts.Should().HaveCount(2);
        Stopwatch.GetElapsedTime(attempts[0], attempts[1]).Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(650));
    }

    [Fact]
    public async Task HumanTask_DecisionReachesWaitingInstanceAndRacesResolveToOneWinner()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);
        var tasks = host.Services.GetRequiredService<IHumanTaskService>();
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("needs-decision"))).InstanceId;
        await tasks.CreateAsync(NewTask(id));

        var stranger = await tasks.DecideAsync("task-1", true, "mallory", ["viewer"], null, null);
        var race = await Task.WhenAll(
            tasks.DecideAsync("task-1", true, "alice", ["approver"], "ok", "{\"amount\":450}"),
            tasks.DecideAsync("task-1", false, "carol", ["approver"], "no", null));

        stranger.Outcome.Should().Be(HumanTaskDecisionOutcome.Forbidden);
        race.Select(r => r.Outcome).Should().BeEquivalentTo([HumanTaskDecisionOutcome.Decided, HumanTaskDecisionOutcome.Conflict]);
        var winner = race.Single(r => r.Outcome == HumanTaskDecisionOutcome.Decided).Task!;
        var done = await host.WaitAsync(id);
        done.Output.Should().StartWith($"\"{winner.Status} by {winner.DecidedBy}");
        (await tasks.QueryAsync(new HumanTaskQuery { Status = HumanTaskStatus.Pending })).Should().BeEmpty();
    }

    [Fact]
    public async Task HumanTask_EscalationMovesItToNewAssignees()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);
        var tasks = host.Services.GetRequiredService<IHumanTaskService>();
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("needs-decision"))).InstanceId;
        await tasks.CreateAsync(NewTask(id));

        var escalated = await tasks.ResolveAsync("task-1", HumanTaskStatus.Pending, ["user:boss"], DateTime.UtcNow.AddHours(1));

        escalated.AssignTo.Should().Equal("user:boss");
        (await tasks.DecideAsync("task-1", true, "alice", ["approver"], null, null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Forbidden);
        (await tasks.DecideAsync("task-1", true, "boss", [], null, null)).Outcome.Should().Be(HumanTaskDecisionOutcome.Decided);
        (await host.WaitAsync(id)).Output.Should().StartWith("\"Approved by boss");
    }

    private static HumanTask NewTask(string instanceId) => new()
    {
        TaskId = "task-1",
        InstanceId = instanceId,
        Workflow = "needs-decision",
        Title = "Refund $900?",
        AssignTo = ["role:approver"],
        CreatedAt = DateTime.UtcNow,
        DueAt = DateTime.UtcNow.AddHours(1),
    };
}
