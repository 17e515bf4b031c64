using System.Text.Json;
using Orchestrator.Bench;

// Usage: dotnet run -c Release --project bench/Orchestrator.Bench [-- w1 w2 w3 w4 w5 w2-full w1p w2p w1p-full w2p-full http agent flow100 flow200 | all] [--out results.json]
var selected = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).Select(a => a.ToLowerInvariant()).ToHashSet();
if (selected.Count == 0 || selected.Contains("all"))
{
    selected = ["w1", "w2", "w3", "w4", "w5", "w2-full", "w1p", "w2p", "w1p-full", "w2p-full", "http", "agent", "flow100", "flow200"];
}

var outIndex = Array.IndexOf(args, "--out");
var outPath = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : null;

var results = new List<BenchResult>();
foreach (var (key, run) in new (string, Func<Task<BenchResult>>)[]
{
    ("w1", () => Workloads.SequentialAsync(1000, "W1")),
    ("w2", () => Workloads.ManyInstancesAsync(fullSync: false)),
    ("w3", Workloads.LatencyAsync),
    ("w4", Workloads.LinearityAsync),
    ("w5", Workloads.WaitingInstancesAsync),
    ("w2-full", () => Workloads.ManyInstancesAsync(fullSync: true)),
    ("w1p", () => PeerWorkloads.SequentialAsync(fullSync: false)),
    ("w2p", () => PeerWorkloads.ParallelAsync(fullSync: false)),
    ("w1p-full", () => PeerWorkloads.SequentialAsync(fullSync: true)),
    ("w2p-full", () => PeerWorkloads.ParallelAsync(fullSync: true)),
    ("http", HttpWorkload.RunAsync),
    ("agent", AgentWorkload.RunAsync),
    ("flow100", FlowWorkload.RunAsync),
    ("flow200", FlowPublishWorkload.RunAsync),
})
{
    if (!selected.Contains(key))
    {
        continue;
    }

    var result = await run();
    results.Add(result);
    Console.WriteLine($"{result.Workload,-8} {result.Value,12:N2} {result.Unit,-32} target {result.Target,-24} {(result.Met ? "met" : "MISSED"),-7} {result.Details}");
}

if (outPath is not null)
{
    await File.WriteAllTextAsync(outPath, JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true }));
}

return 0;
