using Orchestrator.Agents.Internal.Models;

namespace Orchestrator.Agents.Tests.Models;

/// <summary>The wait a rate-limited provider asks for.</summary>
public sealed class RetryAfterHeaderTests
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, "2", 2_000)]
    [InlineData(null, "0.5", 500)]
    [InlineData("1500", "2", 1_500)]
    [InlineData(null, "Mon, 02 Jun 2025 10:00:07 GMT", 7_000)]
    [InlineData(null, "Mon, 02 Jun 2025 09:59:00 GMT", 0)]
    [InlineData(null, null, 1_000)]
    [InlineData(null, "soon", 1_000)]
    [InlineData("-5", "-3", 1_000)]
    public void Parse_Header_GivesTheWait(string? retryAfterMs, string? retryAfter, int expectedMs) =>
        RetryAfterHeader.Parse(retryAfterMs, retryAfter, Now).Should().Be(TimeSpan.FromMilliseconds(expectedMs));
}
