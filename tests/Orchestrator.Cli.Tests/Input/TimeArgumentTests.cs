using Orchestrator.Cli.Input;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Input;

public class TimeArgumentTests
{
    private readonly FixedClock _clock = new();

    [Theory]
    [InlineData("2025-11-22", "2025-11-21T22:00:00Z")]
    [InlineData("2025-11-22T13:55", "2025-11-22T11:55:00Z")]
    [InlineData("2025-11-22 13:55:00", "2025-11-22T11:55:00Z")]
    [InlineData("2025-11-22T13:55:00.25", "2025-11-22T11:55:00.25Z")]
    [InlineData("2025-11-22T11:55:00Z", "2025-11-22T11:55:00Z")]
    [InlineData("2025-11-22T11:55:00+01:00", "2025-11-22T10:55:00Z")]
    [InlineData("30m", "2025-11-22T11:30:00Z")]
    [InlineData("24h", "2025-11-21T12:00:00Z")]
    [InlineData("7d", "2025-11-15T12:00:00Z")]
    public void Parse_KnownForms_GiveTheUtcTimeSent(string value, string expectedIso)
    {
        Orchestrator.Cli.Api.IsoTime.Format(TimeArgument.Parse("--from", value, _clock)).Should().Be(expectedIso);
    }

    [Fact]
    public void Parse_NotGiven_IsNull()
    {
        TimeArgument.Parse("--from", null, _clock).Should().BeNull();
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("22/11/2025")]
    [InlineData("5w")]
    [InlineData("")]
    public void Parse_Unknown_IsAUsageErrorNamingTheOption(string value)
    {
        var parse = () => TimeArgument.Parse("--to", value, _clock);

        parse.Should().Throw<UsageException>().WithMessage($"--to '{value}' is not a time*");
    }

    [Fact]
    public void ParseRange_EmptyRange_IsAUsageError()
    {
        var parse = () => TimeArgument.ParseRange("2025-11-22", "2025-11-22", _clock);

        parse.Should().Throw<UsageException>().WithMessage("--from (2025-11-22) must be before --to (2025-11-22)");
    }
}
