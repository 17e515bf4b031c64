namespace Orchestrator.Cli.Tests.Support;

/// <summary>A clock stopped at <see cref="Now"/> in a fixed time zone (UTC+2 by default), so rendered times are predictable.</summary>
internal sealed class FixedClock(DateTimeOffset now, TimeZoneInfo? zone = null) : TimeProvider
{
    public static readonly TimeZoneInfo PlusTwo = TimeZoneInfo.CreateCustomTimeZone("Test+02", TimeSpan.FromHours(2), "Test+02", "Test+02");

    public static readonly DateTimeOffset DefaultNow = new(2025, 11, 22, 12, 0, 0, TimeSpan.Zero);

    public FixedClock()
        : this(DefaultNow)
    {
    }

    public DateTimeOffset Now => now;

    public override TimeZoneInfo LocalTimeZone => zone ?? PlusTwo;

    public override DateTimeOffset GetUtcNow() => now;
}
