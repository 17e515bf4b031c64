namespace Orchestrator.Bench;

/// <summary>One measured workload: what was run, the headline number, and its target.</summary>
internal sealed record BenchResult(string Workload, string Description, double Value, string Unit, string Target, bool Met, string Details);
