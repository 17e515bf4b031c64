using System.Globalization;

namespace Orchestrator.Cli.Api;

/// <summary>Times in query strings: ISO 8601 in UTC, e.g. <c>2025-11-22T11:55:00Z</c>, fractions of a second only when there are any.</summary>
internal static class IsoTime
{
    public static string? Format(DateTimeOffset? time) =>
        time?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
