using System.Collections.Concurrent;
using Orchestrator.Core.Client;
using Orchestrator.Core.History;
using Orchestrator.Core.Hosting;
using Orchestrator.Testing;

namespace Orchestrator.Core.Tests.Engine;

public sealed class EngineTests : IDisposable
{
    private readonly TempDataDir _dir = new();
    private readonly ConcurrentDictionary<string, int> _executions = new();

    public void Dispose() => _dir.Dispose();

    private void Register(OrchestratorBuilder o)
    {
        o.AddActivity<int, int>("double", (ctx, n) =>
        {
            _executions.AddOrUpdate(ctx.IdempotencyKey, 1, (_, c) => c + 1);
            return Task.FromResult(n * 2);
        });
        o.AddWorkflow<int, int>("sequence", async (ctx, n) =>
        {
            var sum = 0;
            for (var i = 0; i < n; i++)
            {
                sum += await ctx.CallActivityAsync<int>("double", i);
            }

            return sum;
        });
        o.AddWorkflow<string, string>("wait", async (ctx, _) => await ctx.WaitForExternalEventAsync<string>("go"));
    }

    private Task<EngineHost> StartAsync(Action<OrchestratorBuilder>? extra = null, Action<EngineOptions>? options = null) =>
        EngineHost.StartAsync(_dir.Path, o => { Register(o); extra?.Invoke(o); }, options);

    [Fact]
    public async Task Run_Sequence_CompletesWithoutReplayWhenCached()
    {
        await using var host = await StartAsync();

        var done = await host.RunAsync("sequence", 10);

        done.Status.Should().Be(InstanceStatus.Completed);
        done.Output.Should().Be("90");
        host.Engine.Replays.Should().Be(0);
        var history = await host.Client.GetHistoryAsync(done.InstanceId);
        history.OfType<TaskCompleted>().Should().HaveCount(10);
        _executions.Values.Should().AllSatisfy(c => c.Should().Be(1));
    }

    [Fact]
    public async Task Run_CacheOff_ReplaysEveryStepWithSameResult()
    {
        await using var host = await StartAsync(options: e => e.InstanceCacheEnabled = false);

        var done = await host.RunAsync("sequence", 10);

        done.Output.Should().Be("90");
        host.Engine.Replays.Should().BeGreaterThanOrEqualTo(9);
        _executions.Should().HaveCount(10).And.OnlyContain(kv => kv.Value == 1);
    }

    [Fact]
    public async Task Start_SameIdSameInput_ReturnsExisting_OtherInputConflicts()
    {
        await using var host = await StartAsync();
        var request = new StartWorkflowRequest("wait") { InstanceId = "order-1", InputJson = " \"a1\"\n" };

        (await host.Client.StartAsync(request)).Created.Should().BeTrue();
        (await host.Client.StartAsync(request with { InputJson = "\"a1\"" })).Created.Should().BeFalse();
        var conflict = () => host.Client.StartAsync(request with { InputJson = "\"a2\"" });

        await conflict.Should().ThrowAsync<InstanceConflictException>().WithMessage("*order-1*different*");
    }

    [Fact]
    public async Task Start_UnknownWorkflow_ThrowsListingKnownOnes()
    {
        await using var host = await StartAsync();

        var start = () => host.Client.StartAsync(new StartWorkflowRequest("nope"));

        await start.Should().ThrowAsync<WorkflowNotFoundException>().WithMessage("*nope*sequence*");
    }

    [Fact]
    public async Task RaiseEvent_BeforeWorkflowWaits_IsDelivered()
    {
        var gate = new TaskCompletionSource();
        await using var host = await StartAsync(o =>
        {
            o.AddActivity<string, string>("slow", async (_, s) => { await gate.Task; return s; });
            o.AddWorkflow<string, string>("late-wait", async (ctx, _) =>
            {
                await ctx.CallActivityAsync("slow", "x");
                return await ctx.WaitForExternalEventAsync<string>("go");
            });
        });
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("late-wait"))).InstanceId;
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);

        await host.Client.RaiseEventAsync(id, "go", "\"early bird\"");
        gate.SetResult();

        (await host.WaitAsync(id)).Output.Should().Be("\"early bird\"");
    }

    [Fact]
    public async Task Timer_DueDuringDowntime_FiresAfterRestart()
    {
        string id;
        await using (var host = await StartAsync(o => o.AddWorkflow<string, string>("nap", async (ctx, _) =>
        {
            await ctx.CreateTimerAsync(TimeSpan.FromMilliseconds(800));
            return "woke";
        })))
        {
            id = (await host.Client.StartAsync(new StartWorkflowRequest("nap"))).InstanceId;
            await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);
        }

        await Task.Delay(1200);
        await using var restarted = await StartAsync(o => o.AddWorkflow<string, string>("nap", async (ctx, _) =>
        {
            await ctx.CreateTimerAsync(TimeSpan.FromMilliseconds(800));
            return "woke";
        }));

        (await restarted.WaitAsync(id)).Output.Should().Be("\"woke\"");
    }

    [Fact]
    public async Task Retry_TransientFailures_RetriesWithSameIdempotencyKey()
    {
        var seen = new ConcurrentBag<(string Key, int Attempt)>();
        await using var host = await StartAsync(o =>
        {
            o.AddActivity<string, string>("flaky", (ctx, s) =>
            {
                seen.Add((ctx.IdempotencyKey, ctx.Attempt));
                return ctx.Attempt < 3 ? throw new TimeoutException("busy") : Task.FromResult(s + "!");
            });
            o.AddWorkflow<string, string>("retrying", (ctx, s) => ctx.CallActivityAsync<string>(
                "flaky", s, new RetryPolicy { MaxAttempts = 5, FirstRetryDelay = TimeSpan.FromMilliseconds(10) }));
        });

        var done = await host.RunAsync("retrying", "ok");

        done.Output.Should().Be("\"ok!\"");
        seen.Select(s => s.Attempt).Order().Should().Equal(1, 2, 3);
        seen.Select(s => s.Key).Distinct().Should().ContainSingle().Which.Should().Be($"{done.InstanceId}:0");
        (await host.Client.GetHistoryAsync(done.InstanceId)).OfType<TaskCompleted>().Single().Attempt.Should().Be(3);
    }

    [Fact]
    public async Task Retry_FilteredOutError_FailsWithoutRetry()
    {
        var attempts = 0;
        await using var host = await StartAsync(o =>
        {
            o.AddActivity<string, string>("picky", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new InvalidOperationException("bad data");
            });
            o.AddWorkflow<string, string>("picky-wf", (ctx, s) => ctx.CallActivityAsync<string>("picky", s, new RetryPolicy
            {
                MaxAttempts = 5,
                FirstRetryDelay = TimeSpan.FromMilliseconds(1),
                ShouldRetry = f => f.IsCausedBy(nameof(TimeoutException)),
            }));
        });

        var done = await host.RunAsync("picky-wf", "x");

        done.Status.Should().Be(InstanceStatus.Failed);
        done.Error!.InnerFailure!.ErrorMessage.Should().Be("bad data");
        attempts.Should().Be(1);
    }

    [Fact]
    public async Task FailedInstance_IsLoggedWithItsStackTrace()
    {
        var logs = new LogCapture();
        await using var host = await EngineHost.StartAsync(_dir.Path, o =>
            o.AddWorkflow<string, string>("breaks", (_, _) => throw new InvalidOperationException("the ledger is closed")), logs: logs);

        var done = await host.RunAsync("breaks", "x", id: "logged-failure");

        done.Status.Should().Be(InstanceStatus.Failed);
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!logs.Entries.Any(e => e.Message.Contains("Instance logged-failure failed")) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        logs.Entries.Should().ContainSingle(e => e.Message.Contains("Instance logged-failure failed"))
            .Which.Message.Should().Contain("System.InvalidOperationException: the ledger is closed").And.Contain("   at ");
    }

    [Fact]
    public async Task Retry_AttemptTimeout_CancelsSlowAttempt()
    {
        await using var host = await StartAsync(o =>
        {
            o.AddActivity<string, string>("hang", async (ctx, s) =>
            {
                if (ctx.Attempt == 1)
                {
                    await Task.Delay(TimeSpan.FromSeconds(30), ctx.CancellationToken);
                }

                return s;
            });
            o.AddWorkflow<string, string>("hang-wf", (ctx, s) => ctx.CallActivityAsync<string>("hang", s, new RetryPolicy
            {
                MaxAttempts = 2,
                FirstRetryDelay = TimeSpan.FromMilliseconds(1),
                AttemptTimeout = TimeSpan.FromMilliseconds(200),
            }));
        });

        var done = await host.RunAsync("hang-wf", "fine");

        done.Output.Should().Be("\"fine\"");
    }

    [Fact]
    public async Task SuspendResume_HoldsEventsUntilResumed()
    {
        await using var host = await StartAsync();
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("wait"))).InstanceId;
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);

        await host.Client.SuspendAsync(id, "audit");
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Suspended);
        await host.Client.RaiseEventAsync(id, "go", "\"later\"");
        await Task.Delay(200);
        (await host.Client.GetInstanceAsync(id))!.Status.Should().Be(InstanceStatus.Suspended);

        await host.Client.ResumeAsync(id);

        (await host.WaitAsync(id)).Output.Should().Be("\"later\"");
    }

    [Fact]
    public async Task Terminate_ParentWithChild_TerminatesBoth()
    {
        await using var host = await StartAsync(o => o.AddWorkflow<string, string>("parent", (ctx, _) =>
            ctx.CallSubWorkflowAsync<string>("wait", null, new SubWorkflowOptions { InstanceId = ctx.InstanceId + "-child" })));
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("parent"))).InstanceId;
        await host.WaitForStatusAsync(id + "-child", r => r.Status == InstanceStatus.Running);

        await host.Client.TerminateAsync(id, "cancelled by operator");

        (await host.WaitAsync(id)).Status.Should().Be(InstanceStatus.Terminated);
        (await host.WaitAsync(id + "-child")).Status.Should().Be(InstanceStatus.Terminated);
        var again = () => host.Client.TerminateAsync(id);
        await again.Should().ThrowAsync<InstanceConflictException>();
    }

    [Fact]
    public async Task SubWorkflow_ResultAndFailure_ReachParent()
    {
        await using var host = await StartAsync(o =>
        {
            o.AddWorkflow<int, int>("child-fails", (_, _) => throw new InvalidOperationException("child broke"));
            o.AddWorkflow<int, string>("parent2", async (ctx, n) =>
            {
                var ok = await ctx.CallSubWorkflowAsync<int>("sequence", n);
                try
                {
                    await ctx.CallSubWorkflowAsync<int>("child-fails", n);
                    return "unexpected";
                }
                catch (WorkflowTaskFailedException ex)
                {
                    return $"{ok}:{ex.Failure.InnerFailure?.ErrorMessage}";
                }
            });
        });

        var done = await host.RunAsync("parent2", 3);

        done.Output.Should().Be("\"6:child broke\"");
        var children = await host.Client.ListInstancesAsync(new Storage.InstanceQuery { ParentInstanceId = done.InstanceId });
        children.Items.Should().HaveCount(2);
    }

    [Fact]
    public async Task Restart_FailedStep_RerunsOnlyFailedStepAndCompletes()
    {
        var broken = true;
        var runs = new ConcurrentDictionary<string, int>();
        await using var host = await StartAsync(o =>
        {
            o.AddActivity<string, string>("step", (ctx, s) =>
            {
                runs.AddOrUpdate(s, 1, (_, c) => c + 1);
                return s == "b" && broken ? throw new NonRetriableException("downstream offline") : Task.FromResult(s);
            });
            o.AddWorkflow<string, string>("abc", async (ctx, _) =>
            {
                var a = await ctx.CallActivityAsync<string>("step", "a");
                var b = await ctx.CallActivityAsync<string>("step", "b");
                var c = await ctx.CallActivityAsync<string>("step", "c");
                return a + b + c;
            });
        });
        var failed = await host.RunAsync("abc", null);
        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.ErrorMessage.Should().Contain("downstream offline");

        broken = false;
        await host.Client.RestartAsync(failed.InstanceId, "downstream is back");

        (await host.WaitAsync(failed.InstanceId)).Output.Should().Be("\"abc\"");
        runs.Should().Equal(new Dictionary<string, int> { ["a"] = 1, ["b"] = 2, ["c"] = 1 });
        var restartAgain = () => host.Client.RestartAsync(failed.InstanceId);
        await restartAgain.Should().ThrowAsync<InstanceConflictException>();
    }

    [Fact]
    public async Task ContinueAsNew_Counter_KeepsHistoryBounded()
    {
        await using var host = await StartAsync(o => o.AddWorkflow<int, int>("counter", async (ctx, n) =>
        {
            await ctx.CallActivityAsync<int>("double", n);
            if (n < 5)
            {
                ctx.ContinueAsNew(n + 1);
            }

            return n;
        }));

        var done = await host.RunAsync("counter", 0);

        done.Output.Should().Be("5");
        var history = await host.Client.GetHistoryAsync(done.InstanceId);
        history.OfType<TaskScheduled>().Should().ContainSingle();
    }

    [Fact]
    public async Task Eviction_IdleInstance_LeavesMemoryAndResumesOnEvent()
    {
        await using var host = await StartAsync(options: e => e.IdleTimeout = TimeSpan.FromMilliseconds(100));
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("wait"))).InstanceId;
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Running);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.Engine.CachedInstances > 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        host.Engine.CachedInstances.Should().Be(0);
        await host.Client.RaiseEventAsync(id, "go", "\"back\"");
        (await host.WaitAsync(id)).Output.Should().Be("\"back\"");
        host.Engine.Replays.Should().Be(1);
    }

    [Fact]
    public async Task Purge_FinishedInstance_RemovesIt_RunningOneConflicts()
    {
        await using var host = await StartAsync();
        var done = await host.RunAsync("sequence", 1);
        var waiting = (await host.Client.StartAsync(new StartWorkflowRequest("wait"))).InstanceId;

        await host.Client.PurgeAsync(done.InstanceId);
        var purgeRunning = () => host.Client.PurgeAsync(waiting);

        (await host.Client.GetInstanceAsync(done.InstanceId)).Should().BeNull();
        await purgeRunning.Should().ThrowAsync<InstanceConflictException>();
    }

    [Fact]
    public async Task NonDeterminism_CodeChangedWhileWaiting_FailsNamingTheStep()
    {
        string id;
        await using (var host = await StartAsync(o => o.AddWorkflow<string, string>("changing", async (ctx, _) =>
        {
            await ctx.CallActivityAsync<int>("double", 1);
            return await ctx.WaitForExternalEventAsync<string>("go");
        })))
        {
            id = (await host.Client.StartAsync(new StartWorkflowRequest("changing"))).InstanceId;
            await host.WaitForStatusAsync(id, r => r.CustomStatus is null && r.Status == InstanceStatus.Running);
            await Task.Delay(300);
        }

        await using var changed = await StartAsync(o => o.AddWorkflow<string, string>("changing", async (ctx, _) =>
        {
            await ctx.CallActivityAsync<int>("triple", 1);
            return await ctx.WaitForExternalEventAsync<string>("go");
        }));
        await changed.Client.RaiseEventAsync(id, "go", "\"x\"");

        var failed = await changed.WaitAsync(id);
        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.ErrorType.Should().Be("NonDeterministicWorkflow");
        failed.Error.ErrorMessage.Should().Contain("Step #0").And.Contain("'double'").And.Contain("'triple'");
    }
}
