using System.Globalization;

namespace Orchestrator.Cli.Rendering;

/// <summary>Times as people read them: in the local time zone, and relative to now.</summary>
internal static class TimeFormat
{
    public static string Local(DateTimeOffset time, TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(time, clock.LocalTimeZone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    public static string Clock(DateTimeOffset time, TimeProvider clock) =>
        TimeZoneInfo.ConvertTime(time, clock.LocalTimeZone).ToString("HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>E.g. <c>just now</c>, <c>42s ago</c>, <c>5m ago</c>, <c>3h ago</c>, <c>2d ago</c>, <c>in 5m</c>.</summary>
    public static string Relative(DateTimeOffset time, TimeProvider clock)
    {
        var elapsed = clock.GetUtcNow() - time;
        var span = elapsed.Duration();
        if (span < TimeSpan.FromSeconds(5))
        {
            return "just now";
        }

        var amount = span switch
        {
            _ when span < TimeSpan.FromMinutes(1) => $"{(int)span.TotalSeconds}s",
            _ when span < TimeSpan.FromHours(1) => $"{(int)span.TotalMinutes}m",
            _ when span < TimeSpan.FromDays(1) => $"{(int)span.TotalHours}h",
            _ => $"{(int)span.TotalDays}d",
        };
        return elapsed >= TimeSpan.Zero ? $"{amount} ago" : $"in {amount}";
    }

    /// <summary>E.g. <c>2025-11-22 21:49:03 (5m ago)</c>, or <c>-</c> when unknown.</summary>
    public static string LocalAndRelative(DateTimeOffset? time, TimeProvider clock) =>
        time is { } value ? $"{Local(value, clock)} ({Relative(value, clock)})" : "-";

    /// <summary>E.g. <c>350ms</c>, <c>4.2s</c>, <c>3m 07s</c>, <c>2h 05m</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        var span = duration.Duration();
        return span switch
        {
            _ when span < TimeSpan.FromSeconds(1) => $"{(int)span.TotalMilliseconds}ms",
            _ when span < TimeSpan.FromMinutes(1) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
            _ when span < TimeSpan.FromHours(1) => $"{(int)span.TotalMinutes}m {span.Seconds:00}s",
            _ => $"{(int)span.TotalHours}h {span.Minutes:00}m",
        };
    }
}
