using Orchestrator.Cli.Rendering;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Rendering;

public class TimeFormatTests
{
    private readonly FixedClock _clock = new();

    [Theory]
    [InlineData(2, "just now")]
    [InlineData(42, "42s ago")]
    [InlineData(5 * 60 + 10, "5m ago")]
    [InlineData(3 * 3600, "3h ago")]
    [InlineData(2 * 86400 + 5, "2d ago")]
    [InlineData(-300, "in 5m")]
    public void Relative_SecondsBeforeNow_ReadsNaturally(int secondsAgo, string expected)
    {
        TimeFormat.Relative(_clock.Now.AddSeconds(-secondsAgo), _clock).Should().Be(expected);
    }

    [Fact]
    public void Local_ConvertsToTheLocalTimeZone()
    {
        TimeFormat.Local(new DateTimeOffset(2025, 11, 22, 23, 30, 0, TimeSpan.Zero), _clock).Should().Be("2025-11-23 01:30:00");
    }

    [Fact]
    public void LocalAndRelative_Unknown_IsADash()
    {
        TimeFormat.LocalAndRelative(null, _clock).Should().Be("-");
    }

    [Theory]
    [InlineData(350, "350ms")]
    [InlineData(4200, "4.2s")]
    [InlineData(187_000, "3m 07s")]
    [InlineData(7_500_000, "2h 05m")]
    public void Duration_PicksAReadableUnit(int milliseconds, string expected)
    {
        TimeFormat.Duration(TimeSpan.FromMilliseconds(milliseconds)).Should().Be(expected);
    }
}
