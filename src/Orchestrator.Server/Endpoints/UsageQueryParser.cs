using Orchestrator.Core.Storage;

namespace Orchestrator.Server.Endpoints;

/// <summary>Reads the grouping and time range of <c>GET /api/usage</c>.</summary>
internal static class UsageQueryParser
{
    /// <summary>The grouping when none is asked for.</summary>
    public const string DefaultGroupBy = "workflow";

    private static readonly string[] Parameters = ["groupBy", "from", "to", "interval"];


    /// <summary>Null when each parameter appears at most once; otherwise what to fix.</summary>
    public static string? CheckNoRepeats(IQueryCollection query) => QueryRepeats.Check(query, Parameters);

    /// <summary>The query, or a sentence saying which parameter to fix.</summary>
    public static (UsageQuery? Query, string? Error) Parse(string? groupBy, string? from, string? to, string? interval = null)
    {
        string? bucket = null;
        if (!string.IsNullOrEmpty(interval))
        {
            bucket = UsageQuery.Intervals.FirstOrDefault(i => string.Equals(i, interval, StringComparison.OrdinalIgnoreCase));
            if (bucket is null)
            {
                return (null, $"The interval '{interval}' is not known; use one of {string.Join(", ", UsageQuery.Intervals)}, or leave it out for one total per group.");
            }
        }

        var grouping = DefaultGroupBy;
        if (!string.IsNullOrEmpty(groupBy))
        {
            grouping = UsageQuery.Groupings.FirstOrDefault(g => string.Equals(g, groupBy, StringComparison.OrdinalIgnoreCase))!;
            if (grouping is null)
            {
                return (null, $"The groupBy '{groupBy}' is not known; use one of {string.Join(", ", UsageQuery.Groupings)}.");
            }
        }

        var (start, end, rangeError) = TimeRangeParser.Parse(from, to);
        if (rangeError is not null)
        {
            return (null, rangeError);
        }

        return (new UsageQuery(grouping, start, end, bucket), null);
    }
}
