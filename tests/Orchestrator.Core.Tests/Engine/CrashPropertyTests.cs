using System.Collections.Concurrent;
using CsCheck;
using Orchestrator.Core.Client;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>
/// Random workflow shapes, crashed at random fault points (the store vanishes mid-step, as in a power cut) and started
/// again on the same file, must finish with the result of an uninterrupted run, and every activity's side effect must
/// happen once per idempotency key.
/// </summary>
public sealed class CrashPropertyTests
{
    private static readonly FaultPoint[] Points = Enum.GetValues<FaultPoint>();

    private static readonly Gen<ProgramStep> StepGen = Gen.OneOf(
        Gen.Const(new ProgramStep("act", 1)),
        Gen.Int[2, 5].Select(n => new ProgramStep("par", n)),
        Gen.Int[1, 30].Select(ms => new ProgramStep("timer", ms)),
        Gen.Int[1, 3].Select(n => new ProgramStep("child", n)),
        Gen.Const(new ProgramStep("event", 1)));

    private static readonly Gen<Scenario> ScenarioGen =
        from steps in StepGen.List[1, 6]
        from crashes in Gen.Select(Gen.Int[0, Points.Length - 1], Gen.Int[1, 8]).List[1, 3]
        select new Scenario([.. steps], [.. crashes.Select(c => (Points[c.Item1], c.Item2))]);

    private static int _crashesSeen;

    [Fact]
    public void RandomWorkflows_CrashedAtRandomPoints_CompleteLikeUninterruptedRuns()
    {
        ScenarioGen.Sample(scenario => RunScenarioAsync(scenario).GetAwaiter().GetResult(), iter: 40, threads: 1);

        _crashesSeen.Should().BeGreaterThan(10, "the scenarios must really crash the engine, or they prove nothing");
    }

    private static async Task RunScenarioAsync(Scenario scenario)
    {
        using var dir = new TempDataDir();
        var ledger = new Ledger();
        var events = scenario.Steps.Select((s, i) => (s, i)).Where(x => x.s.Kind == "event").Select(x => x.i).ToList();
        var raised = new HashSet<int>();
        string? id = null;
        var crashes = new Queue<(FaultPoint Point, int Hits)>(scenario.Crashes);

        for (var life = 0; life < 10; life++)
        {
            await using var host = await EngineHost.StartAsync(dir.Path, o => Register(o, ledger));
            if (crashes.TryDequeue(out var crash))
            {
                host.ArmCrash(crash.Point, crash.Hits);
            }

            try
            {
                id ??= (await host.Client.StartAsync(new StartWorkflowRequest("prop.program")
                {
                    InstanceId = "prop",
                    InputJson = OrchestratorJson.Serialize(scenario.Steps),
                })).InstanceId;
                foreach (var e in events.Where(e => !raised.Contains(e)))
                {
                    await host.Client.RaiseEventAsync(id, "e" + e, OrchestratorJson.Serialize("p" + e));
                    raised.Add(e);
                }

                var done = await WaitUnlessCrashedAsync(host, id);
                if (host.Store.Crashed)
                {
                    Interlocked.Increment(ref _crashesSeen);
                }

                if (done is not null)
                {
                    done.Status.Should().Be(InstanceStatus.Completed, done.Error?.ErrorMessage);
                    done.Output.Should().Be(OrchestratorJson.Serialize(Expected(scenario.Steps)), scenario.ToString());
                    ledger.AssertOncePerKey(ExpectedActivityCount(scenario.Steps));
                    return;
                }
            }
            catch (SimulatedCrashException)
            {
                Interlocked.Increment(ref _crashesSeen);
                // The process "died" while we were talking to it; the next life starts on the same file.
            }
        }

        throw new InvalidOperationException($"Did not complete after 10 restarts: {scenario}");
    }

    private static async Task<InstanceRecord?> WaitUnlessCrashedAsync(EngineHost host, string id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !host.Store.Crashed)
        {
            var record = await host.Client.GetInstanceAsync(id);
            if (record!.Status.IsTerminal())
            {
                return record;
            }

            await Task.Delay(10);
        }

        return host.Store.Crashed ? null : throw new TimeoutException("The workflow did not finish in 30 s without a crash.");
    }

    private static void Register(OrchestratorBuilder o, Ledger ledger)
    {
        o.AddActivity<string, string>("prop.effect", (ctx, input) =>
        {
            ledger.Apply(ctx.IdempotencyKey, input);
            return Task.FromResult("r:" + input);
        });
        o.AddWorkflow<int, string>("prop.child", async (ctx, n) =>
        {
            var parts = new List<string>();
            for (var i = 0; i < n; i++)
            {
                parts.Add(await ctx.CallActivityAsync<string>("prop.effect", $"{ctx.InstanceId}#{i}"));
            }

            return string.Join("+", parts.Select(p => p.Length));
        });
        o.AddWorkflow<ProgramStep[], string>("prop.program", async (ctx, steps) =>
        {
            var acc = new List<string>();
            for (var i = 0; i < steps.Length; i++)
            {
                var step = steps[i];
                switch (step.Kind)
                {
                    case "act":
                        acc.Add(await ctx.CallActivityAsync<string>("prop.effect", $"{i}"));
                        break;
                    case "par":
                        acc.AddRange(await Task.WhenAll(Enumerable.Range(0, step.N).Select(j => ctx.CallActivityAsync<string>("prop.effect", $"{i}.{j}"))));
                        break;
                    case "timer":
                        await ctx.CreateTimerAsync(TimeSpan.FromMilliseconds(step.N));
                        acc.Add("t");
                        break;
                    case "child":
                        acc.Add(await ctx.CallSubWorkflowAsync<string>("prop.child", step.N));
                        break;
                    case "event":
                        acc.Add(await ctx.WaitForExternalEventAsync<string>("e" + i));
                        break;
                }
            }

            return string.Join("|", acc);
        });
    }

    private static string Expected(ProgramStep[] steps) => string.Join("|", steps.SelectMany((s, i) => s.Kind switch
    {
        "act" => [$"r:{i}"],
        "par" => Enumerable.Range(0, s.N).Select(j => $"r:{i}.{j}"),
        "timer" => ["t"],
        "child" => [string.Join("+", Enumerable.Range(0, s.N).Select(j => $"r:prop:{i:x4}#{j}".Length))],
        _ => [$"p{i}"],
    }));

    private static int ExpectedActivityCount(ProgramStep[] steps) =>
        steps.Sum(s => s.Kind switch { "act" => 1, "par" => s.N, "child" => s.N, _ => 0 });

    internal sealed record ProgramStep(string Kind, int N);

    private sealed record Scenario(ProgramStep[] Steps, (FaultPoint Point, int Hits)[] Crashes)
    {
        public override string ToString() =>
            $"steps [{string.Join(", ", Steps.Select(s => $"{s.Kind}:{s.N}"))}], crashes [{string.Join(", ", Crashes.Select(c => $"{c.Point}@{c.Hits}"))}]";
    }

    /// <summary>The downstream system: it applies a side effect once per idempotency key, and counts every delivery.</summary>
    private sealed class Ledger
    {
        private readonly ConcurrentDictionary<string, string> _applied = new();
        private readonly ConcurrentBag<string> _deliveries = [];

        public void Apply(string key, string input)
        {
            _deliveries.Add(key);
            var existing = _applied.GetOrAdd(key, input);
            existing.Should().Be(input, $"idempotency key {key} must always carry the same call");
        }

        public void AssertOncePerKey(int expectedEffects)
        {
            _applied.Should().HaveCount(expectedEffects, "each activity step has exactly one idempotency key across crashes and retries");
            _deliveries.Where(k => !_applied.ContainsKey(k)).Should().BeEmpty();
        }
    }
}
