namespace Orchestrator.Workflows.Benchmarks;

/// <summary>Output of <see cref="FanOutWorkflow"/>: <c>{ "completed": n }</c>.</summary>
/// <param name="Completed">How many activities completed.</param>
public sealed record FanOutResult(int Completed);
