using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Rendering;
using Orchestrator.Cli.Tests.Support;

namespace Orchestrator.Cli.Tests.Rendering;

public class UsageAndAuditRenderersTests
{
    private readonly FixedClock _clock = new();

    [Theory]
    [InlineData("0", "$0.0000")]
    [InlineData("0.00004", "$0.0000")]
    [InlineData("0.0125", "$0.0125")]
    [InlineData("1234.5", "$1,234.5000")]
    public void Cost_HasFourDecimals(string usd, string expected)
    {
        UsageRenderer.Cost(decimal.Parse(usd, System.Globalization.CultureInfo.InvariantCulture)).Should().Be(expected);
    }

    [Fact]
    public void Render_UsageSince_SaysTheRange()
    {
        var report = new UsageReport("model", [new UsageTotals("gpt", 1, 10, 0, 2, 0.01m)], new UsageTotals(null, 1, 10, 0, 2, 0.01m), From: _clock.Now.AddDays(-1));

        var text = Rendered.Text(UsageRenderer.Render(report, _clock));

        text.Should().Contain("Model").And.Contain("gpt").And.Contain("Usage since 2025-11-21 14:00:00.");
    }

    [Fact]
    public void Render_AuditRecordWithoutOptionalFields_ShowsDashes()
    {
        var page = new AuditPage([new AuditRecord(7, _clock.Now, "system", "instance.completed")]);

        var line = Rendered.Text(AuditRenderer.Render(page, _clock)).Split('\n').Single(l => l.Contains("instance.completed"));

        line.Should().Contain("7").And.Contain("14:00:00").And.Contain("system").And.MatchRegex(@"-\s.*-\s.*-");
    }

    [Fact]
    public void VerificationLine_BrokenWithoutReason_StillSaysWhere()
    {
        AuditRenderer.VerificationLine(new AuditVerification(false, 10, 4))
            .Should().Be("Audit chain broken at record 4: the server gave no reason");
    }
}
