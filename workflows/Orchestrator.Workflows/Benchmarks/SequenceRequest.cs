namespace Orchestrator.Workflows.Benchmarks;

/// <summary>Input of <see cref="SequenceWorkflow"/>: <c>{ "steps": n }</c>.</summary>
/// <param name="Steps">How many no-op activities to run one after another.</param>
public sealed record SequenceRequest(int Steps);
