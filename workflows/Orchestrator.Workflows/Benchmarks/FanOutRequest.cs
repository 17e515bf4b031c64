namespace Orchestrator.Workflows.Benchmarks;

/// <summary>Input of <see cref="FanOutWorkflow"/>: <c>{ "items": n }</c>.</summary>
/// <param name="Items">How many no-op activities to run in parallel.</param>
public sealed record FanOutRequest(int Items);
