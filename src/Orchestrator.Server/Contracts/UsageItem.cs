using System.Text.Json.Serialization;

namespace Orchestrator.Server.Contracts;

/// <summary>The totals of one group in <c>GET /api/usage</c>.</summary>
/// <param name="Key">The group's value (a workflow, agent, user, model, instance id or day); null for steps without one.</param>
/// <param name="Calls">How many usage entries (model calls) the group has.</param>
/// <param name="InputTokens">Prompt tokens, including cached ones.</param>
/// <param name="CachedInputTokens">Prompt tokens served from the provider's cache.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
/// <param name="Bucket">The start (UTC) of the hour or day the totals cover; only present when the query gave an interval.</param>
internal sealed record UsageItem(
    string? Key,
    long Calls,
    long InputTokens,
    long CachedInputTokens,
    long OutputTokens,
    decimal CostUsd,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTime? Bucket = null);
