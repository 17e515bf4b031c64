using System.Collections.Concurrent;
using Orchestrator.Core.Client;
using Orchestrator.Core.History;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>Retries are bounded, stop when their instance stops, and leave each failed attempt's error in history.</summary>
public sealed class RetryStopTests : IDisposable
{
    private static readonly RetryPolicy Persistent = new() { MaxAttempts = 100, FirstRetryDelay = TimeSpan.Zero, BackoffCoefficient = 1 };

    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Terminate_WhileRetrying_CancelsTheRunningAttemptAndNoRetryFollows()
    {
        var attempts = 0;
        var cancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var host = await EngineHost.StartAsync(_dir.Path, o =>
        {
            o.AddActivity<string, string>("stubborn", async (ctx, _) =>
            {
                if (Interlocked.Increment(ref attempts) < 3)
                {
                    throw new TimeoutException("busy");
                }

                using var registration = ctx.CancellationToken.Register(() => cancelled.TrySetResult());
                await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                return "never";
            });
            o.AddWorkflow<string, string>("stubborn-wf", (ctx, s) => ctx.CallActivityAsync<string>("stubborn", s, Persistent));
        });
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("stubborn-wf") { InputJson = "\"x\"" })).InstanceId;
        await WaitUntilAsync(() => Volatile.Read(ref attempts) >= 3);

        await host.Client.TerminateAsync(id, "enough");

        (await host.WaitAsync(id)).Status.Should().Be(InstanceStatus.Terminated);
        await cancelled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await Task.Delay(600);
        attempts.Should().Be(3);
    }

    [Fact]
    public async Task Terminate_WhileARetryWaits_DropsTheRetry()
    {
        var attempts = 0;
        await using var host = await EngineHost.StartAsync(_dir.Path, o =>
        {
            o.AddActivity<string, string>("always-busy", (_, _) =>
            {
                Interlocked.Increment(ref attempts);
                throw new TimeoutException("busy");
            });
            o.AddWorkflow<string, string>("busy-wf", (ctx, s) => ctx.CallActivityAsync<string>(
                "always-busy", s, new RetryPolicy { MaxAttempts = 100, FirstRetryDelay = TimeSpan.FromMilliseconds(400), BackoffCoefficient = 1 }));
        });
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("busy-wf") { InputJson = "\"x\"" })).InstanceId;
        await WaitUntilAsync(() => Volatile.Read(ref attempts) >= 2);

        await host.Client.TerminateAsync(id);
        await host.WaitAsync(id);
        var seen = Volatile.Read(ref attempts);
        await Task.Delay(1200);

        attempts.Should().Be(seen);
    }

    [Fact]
    public async Task Suspend_CancelsTheRunningAttemptAndHoldsRetries_ResumeGoesOnAtTheSameAttempt()
    {
        var seen = new ConcurrentQueue<string>();
        var suspended = false;
        await using var host = await EngineHost.StartAsync(_dir.Path, o =>
        {
            o.AddActivity<string, string>("slow-then-fine", async (ctx, s) =>
            {
                if (ctx.Attempt == 1)
                {
                    seen.Enqueue("1:failed");
                    throw new TimeoutException("first try fails");
                }

                if (!Volatile.Read(ref suspended))
                {
                    try
                    {
                        await Task.Delay(Timeout.Infinite, ctx.CancellationToken);
                    }
                    catch (OperationCanceledException)
                    {
                        seen.Enqueue($"{ctx.Attempt}:cancelled");
                        throw;
                    }
                }

                seen.Enqueue($"{ctx.Attempt}:done");
                return s + "!";
            });
            o.AddWorkflow<string, string>("suspendable", (ctx, s) => ctx.CallActivityAsync<string>("slow-then-fine", s, Persistent));
        });
        var id = (await host.Client.StartAsync(new StartWorkflowRequest("suspendable") { InputJson = "\"ok\"" })).InstanceId;
        await WaitUntilAsync(() => seen.Count >= 1);
        await Task.Delay(300);

        await host.Client.SuspendAsync(id);
        await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Suspended);
        await WaitUntilAsync(() => seen.Contains("2:cancelled"));
        Volatile.Write(ref suspended, true);
        await Task.Delay(600);
        seen.Should().Equal("1:failed", "2:cancelled");

        await host.Client.ResumeAsync(id);

        (await host.WaitAsync(id)).Output.Should().Be("\"ok!\"");
        seen.Should().Equal("1:failed", "2:cancelled", "2:done");
    }

    [Fact]
    public async Task Suspend_ThenRestart_NothingRunsUntilResume_ThenTheRetriesGoOnFromTheStoredAttempt()
    {
        var attempts = new ConcurrentQueue<int>();
        void Register(Hosting.OrchestratorBuilder o)
        {
            o.AddActivity<string, string>("busy-twice", (ctx, s) =>
            {
                attempts.Enqueue(ctx.Attempt);
                return ctx.Attempt < 4 ? throw new TimeoutException("busy") : Task.FromResult(s);
            });
            o.AddWorkflow<string, string>("held", (ctx, s) => ctx.CallActivityAsync<string>(
                "busy-twice", s, new RetryPolicy { MaxAttempts = 5, FirstRetryDelay = TimeSpan.FromMilliseconds(300), BackoffCoefficient = 1 }));
        }

        string id;
        await using (var host = await EngineHost.StartAsync(_dir.Path, Register))
        {
            id = (await host.Client.StartAsync(new StartWorkflowRequest("held") { InputJson = "\"x\"" })).InstanceId;
            await WaitUntilAsync(() => attempts.Count >= 2);
            await Task.Delay(100); // the second failure's retry is stored right after it
            await host.Client.SuspendAsync(id);
            await host.WaitForStatusAsync(id, r => r.Status == InstanceStatus.Suspended);
        }

        var seen = attempts.Count;
        await using var restarted = await EngineHost.StartAsync(_dir.Path, Register);
        await Task.Delay(1500);
        attempts.Count.Should().Be(seen, "nothing runs while the instance is suspended, not even after a restart");

        await restarted.Client.ResumeAsync(id);

        (await restarted.WaitAsync(id)).Output.Should().Be("\"x\"");
        attempts.Should().Equal(1, 2, 3, 4);
    }

    [Fact]
    public async Task Retry_FailedAttempts_AreInHistoryWithTheirErrors_AndReplayDoesNotRunThemAgain()
    {
        var runs = 0;
        await using var host = await EngineHost.StartAsync(
            _dir.Path,
            o =>
            {
                o.AddActivity<string, string>("third-time-lucky", (ctx, s) =>
                {
                    Interlocked.Increment(ref runs);
                    return ctx.Attempt < 3 ? throw new TimeoutException($"attempt {ctx.Attempt} timed out") : Task.FromResult(s);
                });
                o.AddWorkflow<string, string>("lucky", async (ctx, s) =>
                {
                    var result = await ctx.CallActivityAsync<string>("third-time-lucky", s, Persistent);
                    await ctx.CreateTimerAsync(TimeSpan.FromMilliseconds(50));
                    return result;
                });
            },
            e => e.InstanceCacheEnabled = false);

        var done = await host.RunAsync("lucky", "won");

        done.Output.Should().Be("\"won\"");
        runs.Should().Be(3);
        var history = await host.Client.GetHistoryAsync(done.InstanceId);
        var attempts = history.OfType<TaskAttemptFailed>().ToList();
        attempts.Select(a => (a.TaskScheduledId, a.Attempt, a.Failure.ErrorMessage)).Should().Equal((0, 1, "attempt 1 timed out"), (0, 2, "attempt 2 timed out"));
        attempts.Should().OnlyContain(a => a.Failure.ErrorType == typeof(TimeoutException).FullName && a.NextAttemptAt > a.Timestamp);
        history.OfType<TaskCompleted>().Should().ContainSingle().Which.Attempt.Should().Be(3);
    }

    [Theory]
    [InlineData("attempts", "1 to 100 attempts")]
    [InlineData("coefficient", "BackoffCoefficient is NaN")]
    [InlineData("timeout", "AttemptTimeout is 00:00:00")]
    [InlineData("delay", "FirstRetryDelay is -00:00:01")]
    public async Task CallActivity_PolicyOutOfBounds_FailsTheCallWithAClearError(string what, string message)
    {
        var ran = false;
        await using var host = await EngineHost.StartAsync(_dir.Path, o =>
        {
            o.AddActivity<string, string>("noop", (_, s) =>
            {
                ran = true;
                return Task.FromResult(s);
            });
            o.AddWorkflow<string, string>("bad-policy", (ctx, kind) => ctx.CallActivityAsync<string>("noop", kind, kind switch
            {
                "attempts" => new RetryPolicy { MaxAttempts = 1_000_000 },
                "coefficient" => new RetryPolicy { BackoffCoefficient = double.NaN },
                "timeout" => new RetryPolicy { AttemptTimeout = TimeSpan.Zero },
                _ => new RetryPolicy { FirstRetryDelay = TimeSpan.FromSeconds(-1) },
            }));
        });

        var failed = await host.RunAsync("bad-policy", what);

        failed.Status.Should().Be(InstanceStatus.Failed);
        failed.Error!.ErrorMessage.Should().Contain(message);
        ran.Should().BeFalse();
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The condition did not become true in 15 s.");
            }

            await Task.Delay(20);
        }
    }
}
