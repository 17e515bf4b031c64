namespace Orchestrator.Cli.Api.Models;

/// <summary>Model calls, tokens and cost: one group of <c>GET /api/usage</c>, or the total over all groups.</summary>
/// <param name="Key">The group's value (a workflow, agent, user, model…); null for usage without one, and for the total.</param>
/// <param name="Calls">How many model calls.</param>
/// <param name="InputTokens">Prompt tokens, cached ones included.</param>
/// <param name="CachedInputTokens">Prompt tokens the provider served from its cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
/// <param name="Bucket">The start of the hour or day, when the report was asked for with an interval.</param>
internal sealed record UsageTotals(
    string? Key = null,
    long Calls = 0,
    long InputTokens = 0,
    long CachedInputTokens = 0,
    long OutputTokens = 0,
    decimal CostUsd = 0,
    DateTimeOffset? Bucket = null);
