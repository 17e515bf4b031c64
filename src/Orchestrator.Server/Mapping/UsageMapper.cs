using Orchestrator.Core.Storage;
using Orchestrator.Server.Contracts;

namespace Orchestrator.Server.Mapping;

/// <summary>Maps usage groups to the answer of <c>GET /api/usage</c>, with the sum over every group.</summary>
internal static class UsageMapper
{
    public static UsageResponse ToResponse(UsageQuery query, IReadOnlyList<UsageGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(groups);
        var items = groups
            .Select(g => new UsageItem(
                g.Key, g.Calls, g.Totals.InputTokens, g.Totals.CachedInputTokens, g.Totals.OutputTokens, g.Totals.CostUsd, g.Bucket))
            .ToList();
        var total = new UsageTotal(
            items.Sum(i => i.Calls),
            items.Sum(i => i.InputTokens),
            items.Sum(i => i.CachedInputTokens),
            items.Sum(i => i.OutputTokens),
            items.Sum(i => i.CostUsd));
        return new UsageResponse(
            query.GroupBy,
            query.From is { } from ? UtcTime.Normalize(from) : null,
            query.To is { } to ? UtcTime.Normalize(to) : null,
            items,
            total,
            query.Interval);
    }
}
