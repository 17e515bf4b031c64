namespace Orchestrator.Server.Contracts;

/// <summary>The tokens and cost one activity step reported (a model call).</summary>
/// <param name="Model">The model name as configured.</param>
/// <param name="InputTokens">Prompt tokens, including cached ones.</param>
/// <param name="CachedInputTokens">Prompt tokens served from the provider's cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
internal sealed record StepUsage(string Model, long InputTokens, long CachedInputTokens, long OutputTokens, decimal CostUsd);
