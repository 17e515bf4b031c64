using System.Net;
using System.Text.Json;
using Orchestrator.Cli.Tests.Support;
using static Orchestrator.Cli.Tests.Support.StubHttpHandler;

namespace Orchestrator.Cli.Tests.Commands;

public class AuditCommandTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Audit_NoOptions_AsksForTheDefaultLimitAndRendersATable()
    {
        _cli.Server.On("GET", "/api/audit?limit=100", Json(Samples.AuditPage(null, 2, 1)));

        var run = await _cli.RunAsync("audit");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.Stdout.Split('\n');
        lines.Should().Contain(line => line.Contains("Time") && line.Contains("Actor") && line.Contains("On behalf of") && line.Contains("Action") && line.Contains("Target") && line.Contains("Outcome"));
        lines.Single(line => line.Contains("13:52:00")).Should().Contain("user:alice").And.Contain("instance.start").And.Contain("instance:abc").And.Contain("ok");
        run.Stdout.Should().NotContain("Older records remain");
    }

    [Fact]
    public async Task Audit_Filters_AreSentInTheQueryString()
    {
        _cli.Server.On(
            "GET",
            "/api/audit?instanceId=abc&actor=user%3Aalice&action=approval.approved&q=refund&from=2025-11-22T09%3A55%3A00Z&to=2025-11-22T11%3A00%3A00Z&limit=10",
            Json(Samples.AuditPage(null)));

        var run = await _cli.RunAsync(
            "audit", "--instance", "abc", "--actor", "user:alice", "--action", "approval.approved", "--search", "refund",
            "--from", "2025-11-22T11:55", "--to", "1h", "--limit", "10");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Trim().Should().Be("No audit records match.");
    }

    [Fact]
    public async Task Audit_MorePages_FollowsNextCursorUpToTheLimit()
    {
        _cli.Server
            .On("GET", "/api/audit?limit=5", Json(Samples.AuditPage("c1", 9, 8)))
            .On("GET", "/api/audit?cursor=c1&limit=3", Json(Samples.AuditPage("c2", 7, 6)))
            .On("GET", "/api/audit?cursor=c2&limit=1", Json(Samples.AuditPage("c3", 5)));

        var run = await _cli.RunAsync("audit", "--limit", "5", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        _cli.Server.Requests.Should().HaveCount(3);
        var page = JsonDocument.Parse(run.Stdout).RootElement;
        page.GetProperty("items").EnumerateArray().Select(item => item.GetProperty("sequence").GetInt32()).Should().Equal(9, 8, 7, 6, 5);
        page.GetProperty("items")[0].GetProperty("hash").GetString().Should().Be("ab9");
        page.GetProperty("nextCursor").GetString().Should().Be("c3");
    }

    [Fact]
    public async Task Audit_LastPage_StopsAndJsonHasANullCursor()
    {
        _cli.Server
            .On("GET", "/api/audit?limit=100", Json(Samples.AuditPage("c1", 3, 2)))
            .On("GET", "/api/audit?cursor=c1&limit=98", Json(Samples.AuditPage(null, 1)));

        var run = await _cli.RunAsync("audit", "--json");

        var page = JsonDocument.Parse(run.Stdout).RootElement;
        page.GetProperty("items").GetArrayLength().Should().Be(3);
        page.GetProperty("nextCursor").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task Audit_LimitReachedWithMoreLeft_SaysSo()
    {
        _cli.Server.On("GET", "/api/audit?limit=2", Json(Samples.AuditPage("c1", 3, 2)));

        var run = await _cli.RunAsync("audit", "--limit", "2");

        run.Stdout.Should().Contain("Older records remain: raise --limit (showing the newest 2).");
    }

    [Fact]
    public async Task Audit_NotAdministrator_ExitsFive()
    {
        _cli.Server.On("GET", "/api/audit?limit=100", Problem(HttpStatusCode.Forbidden, "The audit trail is for administrators."));

        var run = await _cli.RunAsync("audit");

        run.ExitCode.Should().Be(5);
        run.Stderr.Should().Be("orch: The audit trail is for administrators." + Environment.NewLine);
    }

    [Theory]
    [InlineData("--from", "yesterday")]
    [InlineData("--to", "2025-13-01")]
    [InlineData("--limit", "0")]
    public async Task Audit_BadOption_ExitsTwoBeforeAnyRequest(string option, string value)
    {
        var run = await _cli.RunAsync("audit", option, value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith($"orch: {option}");
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Audit_FromAfterTo_ExitsTwo()
    {
        var run = await _cli.RunAsync("audit", "--from", "1h", "--to", "2h");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("orch: --from (1h) must be before --to (2h)" + Environment.NewLine);
    }

    [Fact]
    public async Task Verify_Intact_PrintsTheRecordCountAndExitsZero()
    {
        _cli.Server.On("GET", "/api/audit/verify", Json("""{"ok":true,"records":123,"firstBrokenAt":null,"reason":null}"""));

        var run = await _cli.RunAsync("audit", "--verify");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be("Audit chain intact: 123 records" + Environment.NewLine);
    }

    [Fact]
    public async Task Verify_Broken_PrintsWhereAndWhyAndExitsTwelve()
    {
        _cli.Server.On("GET", "/api/audit/verify", Json("""{"ok":false,"records":123,"firstBrokenAt":57,"reason":"hash does not match the record's content"}"""));

        var run = await _cli.RunAsync("audit", "--verify");

        run.ExitCode.Should().Be(12);
        run.Stdout.Should().Be("Audit chain broken at record 57: hash does not match the record's content" + Environment.NewLine);
    }

    [Fact]
    public async Task Verify_BrokenJson_PrintsTheServerBodyAndExitsTwelve()
    {
        const string body = """{"ok":false,"records":3,"firstBrokenAt":2,"reason":"previous hash differs"}""";
        _cli.Server.On("GET", "/api/audit/verify", Json(body));

        var run = await _cli.RunAsync("audit", "--verify", "--json");

        run.ExitCode.Should().Be(12);
        run.Stdout.Should().Be(body + Environment.NewLine);
    }

    [Fact]
    public async Task Verify_WithFilters_ExitsTwo()
    {
        var run = await _cli.RunAsync("audit", "--verify", "--actor", "system");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Be("orch: --verify checks the whole trail; leave out the filters and --limit" + Environment.NewLine);
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Verify_NotAdministrator_ExitsFive()
    {
        _cli.Server.On("GET", "/api/audit/verify", Problem(HttpStatusCode.Forbidden, "Administrators only."));

        (await _cli.RunAsync("audit", "--verify")).ExitCode.Should().Be(5);
    }
}
