using System.Globalization;
using System.Text.RegularExpressions;

namespace Orchestrator.Cli.Input;

/// <summary>
/// Parses <c>--from</c> / <c>--to</c>: an ISO 8601 date or time (<c>2025-11-22</c>, <c>2025-11-22T13:55</c>,
/// <c>2025-11-22 13:55:00</c> as orch prints times), local unless it carries <c>Z</c> or an offset;
/// or a time span back from now (<c>30m</c>, <c>24h</c>, <c>7d</c>).
/// </summary>
internal static partial class TimeArgument
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd HH:mm",
        "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF",
    ];

    private static readonly string[] OffsetFormats = [.. LocalFormats.Skip(1).Select(format => format + "zzz")];

    /// <summary>The time, or null when the option was not given.</summary>
    /// <param name="optionName">The option as the user typed it; used in error messages.</param>
    /// <param name="value">The raw option value.</param>
    /// <param name="clock">Now and the local time zone.</param>
    public static DateTimeOffset? Parse(string optionName, string? value, TimeProvider clock)
    {
        if (value is null)
        {
            return null;
        }

        var text = value.Trim();
        if (Ago().Match(text) is { Success: true } ago)
        {
            var amount = int.Parse(ago.Groups["n"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);
            var span = ago.Groups["unit"].Value switch
            {
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return clock.GetUtcNow() - span;
        }

        if (text.EndsWith('Z') || text.EndsWith('z'))
        {
            text = text[..^1] + "+00:00";
        }

        if (DateTimeOffset.TryParseExact(text, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset;
        }

        if (DateTime.TryParseExact(text, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return new DateTimeOffset(local, clock.LocalTimeZone.GetUtcOffset(local));
        }

        throw new UsageException(
            $"{optionName} '{value}' is not a time; use e.g. 2025-11-22, 2025-11-22T13:55, 2025-11-22T11:55:00Z, or 30m, 24h, 7d (that long ago)");
    }

    /// <summary>Both bounds, checked to form a range that is not empty.</summary>
    public static (DateTimeOffset? From, DateTimeOffset? To) ParseRange(string? from, string? to, TimeProvider clock)
    {
        var start = Parse("--from", from, clock);
        var end = Parse("--to", to, clock);
        return start is { } s && end is { } e && s >= e
            ? throw new UsageException($"--from ({from}) must be before --to ({to})")
            : (start, end);
    }

    [GeneratedRegex("^(?<n>[0-9]{1,6})(?<unit>[mhd])$", RegexOptions.CultureInvariant)]
    private static partial Regex Ago();
}
