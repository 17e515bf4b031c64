using System.Diagnostics;
using Orchestrator.Core;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Bench;

/// <summary>
/// The workloads other durable engines publish numbers for (DBOS, LangGraph): W1p is one workflow of 500 sequential
/// no-op steps that each return a ~100-byte JSON object; W2p is 200 such workflows of 10 steps with at most 50 in
/// flight. Each is reported beside the raw commit rate of the same store in the same mode, measured just before it
/// (<see cref="RawStore"/>), because on a shared machine only the ratio carries over from one run to the next.
/// </summary>
internal static class PeerWorkloads
{
    private const string Workflow = "peer.steps";
    private const string Step = "peer.step";
    // More rounds for a profile: ORCH_BENCH_ROUNDS=200 dotnet-trace collect -- <bench> w1p
    private static readonly int Rounds = int.TryParse(Environment.GetEnvironmentVariable("ORCH_BENCH_ROUNDS"), out var rounds) && rounds > 0 ? rounds : 5;

    public static async Task<BenchResult> SequentialAsync(bool fullSync)
    {
        const int steps = 500;
        var raw = await RawStore.CommitsPerSecondAsync(fullSync);
        await using var bench = await BenchEngine.StartAsync(fullSync, register: Register);
        await RunAsync(bench, 50); // warm-up: JIT, SQLite caches

        var rates = new List<double>();
        var cpu = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            var processor = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await RunAsync(bench, steps);
            watch.Stop();
            rates.Add(steps / watch.Elapsed.TotalSeconds);
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - processor).TotalMicroseconds / steps);
        }

        var rate = Median(rates);
        var ratio = rate / raw;
        var (name, target, met) = fullSync
            ? ("W1p-FULL", "≥ 50 % of raw fsync rate", ratio >= 0.5)
            : ("W1p", "≥ 10,000 and ≥ 50 % of raw", rate >= 10_000 && ratio >= 0.5);
        return new BenchResult(name, $"one workflow, {steps} sequential steps returning ~100-byte JSON ({Mode(fullSync)})", rate, "steps/s", target, met,
            $"{ratio:P0} of raw {raw:N0} commits/s; CPU {Median(cpu):F0} µs per step; median of {Rounds} rounds ({Listed(rates)})");
    }

    public static async Task<BenchResult> ParallelAsync(bool fullSync)
    {
        const int workflows = 200;
        const int steps = 10;
        const int inFlight = 50;
        var raw = await RawStore.CommitsPerSecondAsync(fullSync);
        await using var bench = await BenchEngine.StartAsync(fullSync, register: Register);
        await RunAsync(bench, 50);

        var rates = new List<double>();
        for (var round = 0; round < Rounds; round++)
        {
            using var gate = new SemaphoreSlim(inFlight);
            var watch = Stopwatch.StartNew();
            await Task.WhenAll(Enumerable.Range(0, workflows).Select(async _ =>
            {
                await gate.WaitAsync();
                try
                {
                    await RunAsync(bench, steps);
                }
                finally
                {
                    gate.Release();
                }
            }));
            watch.Stop();
            rates.Add(workflows * steps / watch.Elapsed.TotalSeconds);
        }

        var rate = Median(rates);
        var ratio = rate / raw;
        var (name, target, met) = fullSync
            ? ("W2p-FULL", "≥ 3× raw fsync rate", ratio >= 3)
            : ("W2p", "≥ 20,000 steps/s", rate >= 20_000);
        return new BenchResult(name, $"{workflows} workflows × {steps} steps, ≤ {inFlight} in flight ({Mode(fullSync)})", rate, "steps/s", target, met,
            $"{ratio:F2}× raw {raw:N0} commits/s; median of {Rounds} rounds ({Listed(rates)})");
    }

    private static void Register(OrchestratorBuilder builder)
    {
        builder.AddActivity<int, PeerStepResult>(Step, (_, n) => Task.FromResult(new PeerStepResult(n, "done", "no-op step finished", ["bench", "peer"], 0.5)));
        builder.AddWorkflow<int, int>(Workflow, async (ctx, steps) =>
        {
            var done = 0;
            for (var i = 0; i < steps; i++)
            {
                var result = await ctx.CallActivityAsync<PeerStepResult>(Step, i);
                done += result.Status == "done" ? 1 : 0;
            }

            return done;
        });
    }

    private static async Task RunAsync(BenchEngine bench, int steps)
    {
        var done = await bench.RunAsync(Workflow, steps);
        if (done.Status != InstanceStatus.Completed || done.Output != steps.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"Instance {done.InstanceId} ended {done.Status} with {done.Output ?? done.Error?.ErrorMessage}; expected {steps}.");
        }
    }

    private static string Mode(bool fullSync) => fullSync ? "WAL+FULL" : "WAL+NORMAL";

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static string Listed(List<double> rates) => string.Join(", ", rates.Select(r => r.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)));
}

/// <summary>What a peer step returns: about 100 bytes of JSON.</summary>
internal sealed record PeerStepResult(int Step, string Status, string Message, string[] Tags, double Score);
