using System.Diagnostics;
using Orchestrator.Core;

namespace Orchestrator.Bench;

/// <summary>The engine workloads named in the durable-engine issue (W1–W5), each on a fresh data folder.</summary>
internal static class Workloads
{
    public static async Task<BenchResult> SequentialAsync(int steps, string name)
    {
        await using var bench = await BenchEngine.StartAsync();
        await bench.RunAsync("samples.sequence", new { steps = 20 }); // warm-up: JIT, SQLite caches
        var watch = Stopwatch.StartNew();
        var done = await bench.RunAsync("samples.sequence", new { steps });
        watch.Stop();
        Require(done, $"{{\"completed\":{steps}}}");
        var rate = steps / watch.Elapsed.TotalSeconds;
        return new BenchResult(name, $"one workflow, {steps} sequential no-op activities", rate, "activities/s", "≥ 3,000", rate >= 3000,
            $"{watch.Elapsed.TotalMilliseconds:F0} ms total, {watch.Elapsed.TotalMilliseconds * 1000 / steps:F0} µs per step");
    }

    public static async Task<BenchResult> LinearityAsync()
    {
        // Median of three runs each: one slow run (a WAL checkpoint, a GC) should not decide a ratio.
        var small = await MedianAsync(() => MeasureSequentialAsync(1000));
        var large = await MedianAsync(() => MeasureSequentialAsync(2000));
        var ratio = large.TotalMilliseconds / small.TotalMilliseconds;
        return new BenchResult("W4", "2,000 vs 1,000 sequential activities", ratio, "× time", "≤ 2.2", ratio <= 2.2,
            $"1,000: {small.TotalMilliseconds:F0} ms, 2,000: {large.TotalMilliseconds:F0} ms");
    }

    public static async Task<BenchResult> ManyInstancesAsync(bool fullSync)
    {
        const int instances = 1000;
        const int steps = 10;
        await using var bench = await BenchEngine.StartAsync(fullSync);
        await bench.RunAsync("samples.sequence", new { steps = 20 });
        var watch = Stopwatch.StartNew();
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => bench.StartAsync("samples.sequence", new { steps })));
        var done = await Task.WhenAll(ids.Select(id => bench.Client.WaitForCompletionAsync(id)));
        watch.Stop();
        foreach (var d in done)
        {
            Require(d, $"{{\"completed\":{steps}}}");
        }

        var rate = instances * steps / watch.Elapsed.TotalSeconds;
        return fullSync
            ? new BenchResult("W2-FULL", "W2 with synchronous=FULL (power-loss durability)", rate, "activities/s", "≥ 3,000", rate >= 3000,
                $"{watch.Elapsed.TotalMilliseconds:F0} ms for {instances * steps:N0} activities")
            : new BenchResult("W2", "1,000 instances × 10 activities, started at once", rate, "activities/s", "≥ 10,000", rate >= 10000,
                $"{watch.Elapsed.TotalMilliseconds:F0} ms for {instances * steps:N0} activities");
    }

    public static async Task<BenchResult> LatencyAsync()
    {
        const int runs = 2000;
        await using var bench = await BenchEngine.StartAsync();
        for (var i = 0; i < 200; i++)
        {
            await bench.RunAsync("samples.sequence", new { steps = 1 });
        }

        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var done = await bench.RunAsync("samples.sequence", new { steps = 1 });
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            Require(done, "{\"completed\":1}");
        }

        Array.Sort(samples);
        var p50 = samples[runs / 2];
        var p99 = samples[(int)(runs * 0.99)];
        return new BenchResult("W3", "start-to-completion latency, 1-activity workflow, no load", p50, "ms p50", "p50 ≤ 2 ms, p99 ≤ 10 ms",
            p50 <= 2 && p99 <= 10, $"p50 {p50:F2} ms, p90 {samples[(int)(runs * 0.9)]:F2} ms, p99 {p99:F2} ms, max {samples[^1]:F2} ms over {runs} runs");
    }

    public static async Task<BenchResult> WaitingInstancesAsync()
    {
        const int instances = 10_000;
        await using var bench = await BenchEngine.StartAsync(options: e => e.IdleTimeout = TimeSpan.FromSeconds(2));
        var ids = await Task.WhenAll(Enumerable.Range(0, instances).Select(_ => bench.StartAsync("samples.wait-for-event", new { })));
        await WaitUntilAsync(async () => (await bench.Client.ListInstancesAsync(new Core.Storage.InstanceQuery { Status = InstanceStatus.Pending, Limit = 1 })).Items.Count == 0);
        await WaitUntilAsync(() => Task.FromResult(bench.Engine.CachedInstances == 0));
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        var workingSetMb = Environment.WorkingSet / (1024.0 * 1024.0);
        var heapMb = GC.GetTotalMemory(forceFullCollection: true) / (1024.0 * 1024.0);

        var watch = Stopwatch.StartNew();
        await Task.WhenAll(ids.Select((id, i) => bench.Client.RaiseEventAsync(id, "go", $"{{\"n\":{i}}}")));
        var done = await Task.WhenAll(ids.Select(id => bench.Client.WaitForCompletionAsync(id)));
        watch.Stop();
        var allResumed = done.All(d => d.Status == InstanceStatus.Completed);
        return new BenchResult("W5", "10,000 instances waiting on an external event", workingSetMb, "MB working set after eviction", "≤ 300 MB, all resume",
            workingSetMb <= 300 && allResumed,
            $"managed heap {heapMb:F0} MB, cached instances {bench.Engine.CachedInstances}; all {instances:N0} resumed: {allResumed} in {watch.Elapsed.TotalSeconds:F1} s ({instances / watch.Elapsed.TotalSeconds:F0} resumes/s, {bench.Engine.Replays:N0} replays)");
    }

    private static async Task<TimeSpan> MedianAsync(Func<Task<TimeSpan>> measure)
    {
        var runs = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            runs.Add(await measure());
        }

        return runs.Order().ElementAt(1);
    }

    private static async Task<TimeSpan> MeasureSequentialAsync(int steps)
    {
        await using var bench = await BenchEngine.StartAsync();
        await bench.RunAsync("samples.sequence", new { steps = 20 });
        var watch = Stopwatch.StartNew();
        Require(await bench.RunAsync("samples.sequence", new { steps }), $"{{\"completed\":{steps}}}");
        return watch.Elapsed;
    }

    private static void Require(Core.Storage.InstanceRecord record, string output)
    {
        if (record.Status != InstanceStatus.Completed || record.Output != output)
        {
            throw new InvalidOperationException($"Instance {record.InstanceId} ended {record.Status} with {record.Output ?? record.Error?.ErrorMessage}; expected {output}.");
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The benchmark's precondition was not reached in 3 minutes.");
            }

            await Task.Delay(100);
        }
    }
}
