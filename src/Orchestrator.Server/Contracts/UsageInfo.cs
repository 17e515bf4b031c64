namespace Orchestrator.Server.Contracts;

/// <summary>Model token use and cost.</summary>
/// <param name="InputTokens">Prompt tokens, including cached ones.</param>
/// <param name="CachedInputTokens">Prompt tokens served from the provider's cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
internal sealed record UsageInfo(long InputTokens, long CachedInputTokens, long OutputTokens, decimal CostUsd);
