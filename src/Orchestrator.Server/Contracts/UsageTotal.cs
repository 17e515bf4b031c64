namespace Orchestrator.Server.Contracts;

/// <summary>The totals over every group in <c>GET /api/usage</c>.</summary>
/// <param name="Calls">How many usage entries (model calls).</param>
/// <param name="InputTokens">Prompt tokens, including cached ones.</param>
/// <param name="CachedInputTokens">Prompt tokens served from the provider's cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
internal sealed record UsageTotal(long Calls, long InputTokens, long CachedInputTokens, long OutputTokens, decimal CostUsd);
