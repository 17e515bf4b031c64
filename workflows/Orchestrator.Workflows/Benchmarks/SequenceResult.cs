namespace Orchestrator.Workflows.Benchmarks;

/// <summary>Output of <see cref="SequenceWorkflow"/>: <c>{ "completed": n }</c>.</summary>
/// <param name="Completed">How many steps ran.</param>
public sealed record SequenceResult(int Completed);
