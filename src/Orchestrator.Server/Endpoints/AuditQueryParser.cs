using System.Globalization;
using Orchestrator.Core.Governance;

namespace Orchestrator.Server.Endpoints;

/// <summary>Reads the filters and paging of <c>GET /api/audit</c>.</summary>
internal static class AuditQueryParser
{
    private static readonly string[] Parameters = ["instanceId", "actor", "action", "q", "from", "to", "cursor", "limit"];

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
    public static (AuditQuery? Query, string? Error) Parse(
        string? instanceId, string? actor, string? action, string? text, string? from, string? to, string? cursor, string? limit)
    {
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

        if (!string.IsNullOrEmpty(cursor) && (!long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1))
        {
            return (null, $"The cursor '{cursor}' is not one this server handed out; pass the nextCursor of a previous page unchanged.");
        }

        var size = 50;
        if (!string.IsNullOrEmpty(limit)
            && (!int.TryParse(limit, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 1 or > AuditQuery.MaxLimit))
        {
            return (null, $"The limit '{limit}' must be a whole number from 1 to {AuditQuery.MaxLimit}.");
        }

        return (new AuditQuery
        {
            InstanceId = Blank(instanceId),
            Actor = Blank(actor),
            Action = Blank(action),
            Text = Blank(text),
            From = start,
            To = end,
            Cursor = Blank(cursor),
            Limit = size,
        }, null);
    }

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;

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
