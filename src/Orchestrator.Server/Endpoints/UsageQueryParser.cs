using System.Globalization;
using Orchestrator.Core.Storage;

namespace Orchestrator.Server.Endpoints;

/// <summary>Reads the grouping and time range of <c>GET /api/usage</c>.</summary>
internal static class UsageQueryParser
{
    /// <summary>The grouping when none is asked for.</summary>
    public const string DefaultGroupBy = "workflow";

    private static readonly string[] Parameters = ["groupBy", "from", "to", "interval"];

    // ISO 8601 only: a date (midnight UTC), or a date and time with an optional offset (UTC when it has none).
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

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

        var (start, fromError) = ParseTime("from", from);
        var (end, toError) = ParseTime("to", to);
        if ((fromError ?? toError) is { } error)
        {
            return (null, error);
        }

        if (start is { } s && end is { } e && s >= e)
        {
            return (null, $"The range is empty: from ({from}) must be before to ({to}).");
        }

        return (new UsageQuery(grouping, start, end, bucket), null);
    }

    private static (DateTime? Time, string? Error) ParseTime(string name, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return (null, null);
        }

        return DateTime.TryParseExact(
            value,
            DateFormats,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var time)
            ? (time, null)
            : (null, $"The {name} '{value}' is not an ISO 8601 time; use e.g. 2025-01-31 or 2025-01-31T12:00:00Z.");
    }
}
