using System.Text.Json.Serialization;

namespace Orchestrator.Server.Contracts;

/// <summary>The answer of <c>GET /api/usage</c>: token and cost totals per group, largest cost first (per bucket then key with an interval).</summary>
/// <param name="GroupBy">The grouping: <c>workflow</c>, <c>agent</c>, <c>user</c>, <c>model</c>, <c>instance</c> or <c>day</c>.</param>
/// <param name="From">Only usage at or after this time (UTC); null for no lower bound.</param>
/// <param name="To">Only usage before this time (UTC); null for no upper bound.</param>
/// <param name="Items">The groups.</param>
/// <param name="Total">The sum over all groups.</param>
/// <param name="Interval"><c>hour</c> or <c>day</c> when the items are per time bucket; only present then.</param>
internal sealed record UsageResponse(
    string GroupBy,
    DateTime? From,
    DateTime? To,
    IReadOnlyList<UsageItem> Items,
    UsageTotal Total,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Interval = null);
