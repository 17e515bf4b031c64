using System.Net;
using Orchestrator.Cli.Tests.Support;
using static Orchestrator.Cli.Tests.Support.StubHttpHandler;

namespace Orchestrator.Cli.Tests.Commands;

public class ListCommandTests
{
    private const string Page = """
        {"items":[{"instanceId":"order-1","workflow":"samples.sequence","version":"1","status":"Running","customStatus":null,
        "createdAt":"2025-11-22T11:55:00Z","updatedAt":"2025-11-22T11:59:30Z","startedBy":"alice"}],"nextCursor":"n1"}
        """;

    private readonly CliHarness _cli = new();

    [Fact]
    public async Task List_Filters_BecomeTheQueryString()
    {
        _cli.Server.On("GET", "/api/instances?status=Failed&workflow=samples.sequence&tag=team%3Aa&cursor=c1&limit=5", Json(Page));

        var run = await _cli.RunAsync("list", "--status", "failed", "--workflow", "samples.sequence", "--tag", "team:a", "--limit", "5", "--cursor", "c1");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("order-1").And.Contain("Running").And.Contain("orch list --cursor n1");
    }

    [Fact]
    public async Task List_Json_PrintsTheServerBodyAsIs()
    {
        _cli.Server.On("GET", "/api/instances", Json(Page));

        var run = await _cli.RunAsync("--json", "list");

        run.Stdout.Should().Be(Page + Environment.NewLine);
    }

    [Theory]
    [InlineData("--status", "Sleeping", "--status 'Sleeping' is not one of")]
    [InlineData("--tag", "team=a", "--tag 'team=a' must look like key:value")]
    [InlineData("--limit", "-3", "--limit must be a positive whole number")]
    public async Task List_BadFilter_ExitsTwoAndSendsNothing(string option, string value, string reason)
    {
        var run = await _cli.RunAsync("list", option, value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("orch: " + reason);
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task List_Unauthorized_ExitsFiveAndSuggestsAKey()
    {
        _cli.Server.On("GET", "/api/instances", Problem(HttpStatusCode.Unauthorized, "A valid API key is required."));

        var run = await _cli.RunAsync("list");

        run.ExitCode.Should().Be(5);
        run.Stderr.Should().Be("orch: A valid API key is required. (pass --api-key or set ORCH_API_KEY)" + Environment.NewLine);
    }

    [Fact]
    public async Task List_Forbidden_ExitsFive()
    {
        _cli.Server.On("GET", "/api/instances", Problem(HttpStatusCode.Forbidden, "Role viewer is required."));

        var run = await _cli.RunAsync("list", "--api-key", "k");

        run.ExitCode.Should().Be(5);
        run.Stderr.Should().Be("orch: Role viewer is required." + Environment.NewLine);
    }

    [Fact]
    public async Task Workflows_RendersTheCatalogue()
    {
        _cli.Server.On("GET", "/api/workflows", Json("""{"items":[{"name":"samples.sequence","version":"1","kind":"code","description":"Three steps in a row"}]}"""));

        var run = await _cli.RunAsync("workflows");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("samples.sequence").And.Contain("code").And.Contain("Three steps in a row");
    }
}
