using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>The engine's audit records: one per finished step and per end, committed with the step, never repeated by replay.</summary>
public sealed class AuditEngineTests : IDisposable
{
    private readonly TempDataDir _dir = new();
    private int _runs;

    public void Dispose() => _dir.Dispose();

    private void Register(OrchestratorBuilder o)
    {
        o.AddActivity<int, int>("audited.step", (_, n) =>
        {
            Interlocked.Increment(ref _runs);
            return Task.FromResult(n + 1);
        });
        o.AddActivity<string, string>("audited.fail", (_, _) => throw new NonRetriableException("card declined"));
        o.AddWorkflow<int, int>("audited.child", (ctx, n) => ctx.CallActivityAsync<int>("audited.step", n));
        o.AddWorkflow<int, int>("audited.parent", async (ctx, n) =>
        {
            n = await ctx.CallActivityAsync<int>("audited.step", n);
            n = await ctx.CallActivityAsync<int>("audited.step", n);
            await ctx.CreateTimerAsync(TimeSpan.FromMilliseconds(50));
            n = await ctx.CallSubWorkflowAsync<int>("audited.child", n, new SubWorkflowOptions { Agent = "helper" });
            try
            {
                await ctx.CallActivityAsync<string>("audited.fail", "secret-card-number-4111");
            }
            catch (WorkflowTaskFailedException)
            {
                ctx.RecordAudit(AuditActions.PolicyDeny, AuditOutcomes.Denied, details: new { tool = "billing.charge", rule = "card declined" });
            }

            return n;
        });
        o.AddWorkflow<int, int>("audited.sequence", async (ctx, n) =>
        {
            for (var i = 0; i < 4; i++)
            {
                n = await ctx.CallActivityAsync<int>("audited.step", n);
            }

            return n;
        });
    }

    [Fact]
    public async Task Steps_ActivitiesTimerSubWorkflowAndFailure_AreEachRecordedOnceWithTheirPrincipal()
    {
        await using var host = await EngineHost.StartAsync(_dir.Path, Register);
        var started = await host.Client.StartAsync(new StartWorkflowRequest("audited.parent") { InputJson = "1", InstanceId = "p1", StartedBy = "alice" });

        (await host.WaitAsync(started.InstanceId)).Status.Should().Be(InstanceStatus.Completed);

        var audit = host.Services.GetRequiredService<IAuditLog>();
        var parent = await RecordsOfAsync(audit, "p1");
        parent.Select(r => r.Entry.Action).Should().Equal(
            "step.activity", "step.activity", "step.timer", "step.subworkflow", "step.activity", "policy.deny", "instance.completed");
        parent.Should().OnlyContain(r => r.Entry.Actor == "user:alice" && r.Entry.OnBehalfOf == null && r.Entry.Target == "instance:p1");
        parent.Select(r => r.Entry.Outcome).Should().Equal("ok", "ok", "ok", "ok", "failed", "denied", "ok");
        Details(parent[0]).Should().Be("""{"taskId":0,"name":"audited.step","attempt":1}""");
        Details(parent[3]).Should().Contain("\"name\":\"audited.child\"").And.Contain("\"childInstanceId\":\"p1:0003\"");
        Details(parent[4]).Should().Contain("\"errorType\":\"Orchestrator.Core.NonRetriableException\"");
        Details(parent[5]).Should().Be("""{"tool":"billing.charge","rule":"card declined"}""");
        parent.Should().NotContain(r => (r.Entry.Details ?? string.Empty).Contains("secret-card-number", StringComparison.Ordinal), "inputs are never recorded");

        var child = await RecordsOfAsync(audit, "p1:0003");
        child.Select(r => (r.Entry.Action, r.Entry.Actor, r.Entry.OnBehalfOf)).Should().Equal(
            ("step.activity", "agent:helper", "user:alice"), ("instance.completed", "agent:helper", "user:alice"));

        var verdict = await audit.VerifyAsync();
        (verdict.Ok, verdict.Records).Should().Be((true, 9L));
    }

    [Theory]
    [InlineData(FaultPoint.AfterHistoryCommit, 3)]
    [InlineData(FaultPoint.BeforeCompletionCommit, 2)]
    [InlineData(FaultPoint.InsideActivity, 2)]
    public async Task Steps_CrashAndReplay_AreRecordedExactlyOnce(FaultPoint point, int afterHits)
    {
        for (var life = 0; life < 2; life++)
        {
            await using var host = await EngineHost.StartAsync(_dir.Path, Register, o => o.InstanceCacheEnabled = false);
            if (life == 0)
            {
                host.ArmCrash(point, afterHits);
                try
                {
                    await host.Client.StartAsync(new StartWorkflowRequest("audited.sequence") { InputJson = "0", InstanceId = "s1", StartedBy = "bob" });
                    await host.WaitForStatusAsync("s1", _ => host.Store.Crashed, 30);
                }
                catch (SimulatedCrashException)
                {
                    // The process "died" while we were talking to it; the next life starts on the same file.
                }

                host.Store.Crashed.Should().BeTrue("the fault point must have been reached");
                continue;
            }

            (await host.WaitAsync("s1")).Output.Should().Be("4");
            var audit = host.Services.GetRequiredService<IAuditLog>();
            var records = await RecordsOfAsync(audit, "s1");
            records.Select(r => r.Entry.Action).Should().Equal("step.activity", "step.activity", "step.activity", "step.activity", "instance.completed");
            records.Take(4).Select(r => JsonDocument.Parse(r.Entry.Details!).RootElement.GetProperty("taskId").GetInt32()).Should().Equal(0, 1, 2, 3);
            (await audit.VerifyAsync()).Should().Be(new AuditVerification(true, 5, null, null, records[^1].Hash));
        }
    }

    private static async Task<List<AuditRecord>> RecordsOfAsync(IAuditLog audit, string instanceId)
    {
        var page = await audit.QueryAsync(new AuditQuery { InstanceId = instanceId, Limit = AuditQuery.MaxLimit });
        return [.. page.Items.Reverse()];
    }

    private static string Details(AuditRecord record) => record.Entry.Details!;
}
