using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Durability;

/// <summary>
/// The durability promises, checked against a real server process that is killed with SIGKILL and started again on the
/// same data folder. The suite runs twice: with the instance cache on, and off (every step replays from history).
/// </summary>
public abstract class DurabilityTests
{
    private const int Instances = 200;
    private const int Steps = 5;
    private const int Parallel = 3;

    private protected abstract bool CacheEnabled { get; }

    private ServerOptions Options => new(CacheEnabled);

    [Fact]
    public async Task KillNine_WhileRunning200Instances_EveryInstanceCompletesAndNoEffectRepeats()
    {
        using var folder = new TestFolder("kill9");
        var server = await ServerProcess.StartAsync(folder, Options);
        try
        {
            await Task.WhenAll(Enumerable.Range(0, Instances).Select(i =>
                server.Api.StartAsync("it.ledger", new { steps = Steps, parallel = Parallel, delayMs = 40 }, $"ledger-{i:000}")));

            var completedAtKill = new List<int>();
            for (var crash = 0; crash < 3; crash++)
            {
                await Task.Delay(300 + (crash * 150));
                completedAtKill.Add(await server.Api.CountAsync("Completed"));
                server.Kill();
                await server.DisposeAsync();
                server = await ServerProcess.StartAsync(folder, Options);
            }

            completedAtKill[0].Should().BeLessThan(Instances, "the first kill must hit the server mid-run, or the test proves nothing");
            await WaitForAsync(async () => await server.Api.CountAsync("Completed") == Instances, TimeSpan.FromMinutes(3));
            (await server.Api.CountAsync("Failed")).Should().Be(0);
            for (var i = 0; i < Instances; i += 37)
            {
                (await server.Api.GetAsync($"ledger-{i:000}")).GetProperty("output").GetInt32().Should().Be(Steps + Parallel);
            }
        }
        finally
        {
            await server.DisposeAsync();
        }

        var ledger = Ledger.Read(folder.File("ledger.db"));
        ledger.Effects.Should().Be(Instances * (Steps + Parallel), "each step has one idempotency key, whatever the crashes");
        ledger.DistinctEffectKeys.Should().Be(ledger.Effects);
        ledger.OrphanDeliveries.Should().Be(0);
        ledger.KeysWithConflictingCalls.Should().Be(0);
        ledger.Deliveries.Should().BeGreaterThanOrEqualTo(ledger.Effects);
    }

    [Fact]
    public async Task Timer_DueWhileServerIsDown_FiresAfterRestart()
    {
        using var folder = new TestFolder("timer");
        string id;
        await using (var first = await ServerProcess.StartAsync(folder, Options))
        {
            id = await first.Api.StartAsync("it.nap", 1500);
            await first.Api.WaitForStatusAsync(id, s => s == "Running", TimeSpan.FromSeconds(10));
            first.Kill();
        }

        await Task.Delay(2000);
        await using var second = await ServerProcess.StartAsync(folder, Options);
        var done = await second.Api.WaitForStatusAsync(id, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(30));

        done.GetProperty("status").GetString().Should().Be("Completed");
        var started = done.GetProperty("createdAt").GetDateTime();
        done.GetProperty("output").GetDateTime().Should().BeOnOrAfter(started.AddMilliseconds(1500));
    }

    [Fact]
    public async Task Event_RaisedBeforeTheWorkflowWaits_IsDeliveredEvenAcrossACrash()
    {
        using var folder = new TestFolder("early-event");
        string id;
        await using (var first = await ServerProcess.StartAsync(folder, Options))
        {
            id = await first.Api.StartAsync("it.late-wait", 1500);
            await first.Api.RaiseAsync(id, "go", "raised early");
            first.Kill();
        }

        await using var second = await ServerProcess.StartAsync(folder, Options);
        var done = await second.Api.WaitForStatusAsync(id, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(30));

        done.GetProperty("status").GetString().Should().Be("Completed");
        done.GetProperty("output").GetString().Should().Be("raised early");
    }

    [Fact]
    public async Task NonDeterminism_CodeChangedUnderWaitingInstance_IsReportedAsFailedWithTheStep()
    {
        using var folder = new TestFolder("nondeterminism");
        string id;
        await using (var v1 = await ServerProcess.StartAsync(folder, Options with { CodeVersion = 1 }))
        {
            id = await v1.Api.StartAsync("it.changing", "order-1");
            await WaitForAsync(async () => (await v1.Api.HistoryAsync(id)).GetProperty("steps").EnumerateArray()
                .Any(s => s.GetProperty("kind").GetString() == "activity" && s.GetProperty("status").GetString() == "Completed"), TimeSpan.FromSeconds(20));
            v1.Kill();
        }

        await using var v2 = await ServerProcess.StartAsync(folder, Options with { CodeVersion = 2 });
        await v2.Api.RaiseAsync(id, "go", "continue");
        var failed = await v2.Api.WaitForStatusAsync(id, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(30));

        failed.GetProperty("status").GetString().Should().Be("Failed");
        var error = failed.GetProperty("error");
        error.GetProperty("type").GetString().Should().Be("NonDeterministicWorkflow");
        error.GetProperty("message").GetString().Should().Contain("Step #0").And.Contain("'it.ledger-write'").And.Contain("'it.ledger-write-v2'");
    }

    [Theory]
    [InlineData("after-history-commit")]
    [InlineData("before-dispatch")]
    [InlineData("inside-activity")]
    [InlineData("before-completion-commit")]
    public async Task FaultPoint_KillsServerThere_RestartCompletesEverythingOnce(string point)
    {
        using var folder = new TestFolder("fault-" + point);
        const int count = 20;
        var input = new { steps = 3, parallel = 2, delayMs = 5 };
        await using (var armed = await ServerProcess.StartAsync(folder, Options with { Fault = new FaultArming(point, 25) }))
        {
            try
            {
                for (var i = 0; i < count; i++)
                {
                    await armed.Api.StartAsync("it.ledger", input, $"f-{i}");
                }
            }
            catch (HttpRequestException)
            {
                // The fault killed the server while instances were still being started; the rest start after the restart.
            }

            var exit = await armed.WaitForExitAsync(TimeSpan.FromSeconds(60));
            exit.Should().NotBe(0, "the armed fault point kills the process");
        }

        await using var restarted = await ServerProcess.StartAsync(folder, Options);
        for (var i = 0; i < count; i++)
        {
            // Starting with the same id and input is idempotent: existing instances are returned, missing ones created.
            await restarted.Api.StartAsync("it.ledger", input, $"f-{i}");
        }

        await WaitForAsync(async () => await restarted.Api.CountAsync("Completed") == count, TimeSpan.FromSeconds(60));

        var ledger = Ledger.Read(folder.File("ledger.db"));
        ledger.Effects.Should().Be(count * 5);
        ledger.DistinctEffectKeys.Should().Be(ledger.Effects);
        ledger.KeysWithConflictingCalls.Should().Be(0);
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout}.");
            }

            await Task.Delay(200);
        }
    }
}

/// <summary>The durability suite with running instances kept in memory between steps.</summary>
public sealed class DurabilityTestsWithCache : DurabilityTests
{
    private protected override bool CacheEnabled => true;
}

/// <summary>The durability suite with the instance cache off: every step replays from history.</summary>
public sealed class DurabilityTestsWithoutCache : DurabilityTests
{
    private protected override bool CacheEnabled => false;
}
