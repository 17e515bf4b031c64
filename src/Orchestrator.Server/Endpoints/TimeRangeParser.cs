using System.Globalization;

namespace Orchestrator.Server.Endpoints;

/// <summary>Reads the <c>from</c> / <c>to</c> range of a query (audit, usage): ISO 8601 times, UTC unless an offset says otherwise.</summary>
internal static class TimeRangeParser
{
    // ISO 8601 only: a date (midnight UTC), or a date and time with an optional offset (UTC when it has none).
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    /// <summary>The range (either end may be open), or a sentence saying which end to fix.</summary>
    /// <param name="from">The <c>from</c> parameter.</param>
    /// <param name="to">The <c>to</c> parameter.</param>
    /// <returns>The range or the error.</returns>
    public static (DateTime? Start, DateTime? End, string? Error) Parse(string? from, string? to)
    {
        var (start, fromError) = ParseTime("from", from);
        var (end, toError) = ParseTime("to", to);
        if ((fromError ?? toError) is { } error)
        {
            return (null, null, error);
        }

        return start is { } s && end is { } e && s >= e
            ? (null, null, $"The range is empty: from ({from}) must be before to ({to}).")
            : (start, end, null);
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
