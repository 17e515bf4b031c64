using System.Net;
using System.Text.Json;
using Orchestrator.Cli.Tests.Support;
using static Orchestrator.Cli.Tests.Support.StubHttpHandler;

namespace Orchestrator.Cli.Tests.Commands;

public class UsageCommandTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Usage_NoOptions_RendersTheGroupsAndATotalRow()
    {
        _cli.Server.On("GET", "/api/usage", Json(Samples.Usage));

        var run = await _cli.RunAsync("usage");

        run.ExitCode.Should().Be(0, run.Stderr);
        var lines = run.Stdout.Split('\n');
        lines.Should().Contain(line => line.Contains("Workflow") && line.Contains("Calls") && line.Contains("Input tokens") && line.Contains("Cached") && line.Contains("Output tokens") && line.Contains("Cost (USD)"));
        lines.Single(line => line.Contains("it.refund-agent")).Should().MatchRegex(@"3\s.*12,500\s.*2,000\s.*800\s.*\$0\.0125");
        lines.Single(line => line.Contains("(none)")).Should().Contain("$0.0001");
        lines.Single(line => line.Contains("Total")).Should().MatchRegex(@"4\s.*12,600\s.*2,000\s.*810\s.*\$0\.0126");
    }

    [Fact]
    public async Task Usage_Options_AreSentInTheQueryString()
    {
        _cli.Server.On(
            "GET",
            "/api/usage?groupBy=model&from=2025-11-15T12%3A00%3A00Z&to=2025-11-22T10%3A00%3A00Z&interval=day",
            Json("""{"groupBy":"model","from":"2025-11-15T12:00:00Z","to":"2025-11-22T10:00:00Z","items":[],"total":{"calls":0,"inputTokens":0,"cachedInputTokens":0,"outputTokens":0,"costUsd":0}}"""));

        var run = await _cli.RunAsync("usage", "--group-by", "Model", "--from", "7d", "--to", "2025-11-22T12:00+02:00", "--interval", "day");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Trim().Should().Be("No model usage recorded from 2025-11-15 14:00:00 to 2025-11-22 12:00:00.");
    }

    [Fact]
    public async Task Usage_Buckets_GetAPeriodColumn()
    {
        _cli.Server.On("GET", "/api/usage?groupBy=agent&interval=hour", Json("""
            {"groupBy":"agent","from":null,"to":null,"items":[
              {"bucket":"2025-11-22T10:00:00Z","key":"refunder","calls":1,"inputTokens":10,"cachedInputTokens":0,"outputTokens":5,"costUsd":0.001},
              {"bucket":"2025-11-22T11:00:00Z","key":"refunder","calls":2,"inputTokens":20,"cachedInputTokens":0,"outputTokens":9,"costUsd":0.002}
            ],"total":{"calls":3,"inputTokens":30,"cachedInputTokens":0,"outputTokens":14,"costUsd":0.003}}
            """));

        var run = await _cli.RunAsync("usage", "--group-by", "agent", "--interval", "hour");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("Period").And.Contain("Agent");
        run.Stdout.Split('\n').Where(line => line.Contains("refunder")).Should().HaveCount(2)
            .And.Contain(line => line.Contains("2025-11-22 12:00:00")).And.Contain(line => line.Contains("2025-11-22 13:00:00"));
    }

    [Fact]
    public async Task Usage_Json_PrintsTheServerBody()
    {
        _cli.Server.On("GET", "/api/usage?groupBy=user", Json(Samples.Usage));

        var run = await _cli.RunAsync("usage", "--group-by", "user", "--json");

        run.Stdout.Should().Be(Samples.Usage + Environment.NewLine);
        JsonDocument.Parse(run.Stdout).RootElement.GetProperty("total").GetProperty("inputTokens").GetInt64().Should().Be(12600);
    }

    [Theory]
    [InlineData("--group-by", "team")]
    [InlineData("--interval", "week")]
    [InlineData("--from", "last week")]
    public async Task Usage_BadOption_ExitsTwoBeforeAnyRequest(string option, string value)
    {
        var run = await _cli.RunAsync("usage", option, value);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith($"orch: {option} '{value}' is not");
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Usage_ServerRejectsTheQuery_ExitsTwo()
    {
        _cli.Server.On("GET", "/api/usage?groupBy=day", Problem(HttpStatusCode.BadRequest, "The groupBy 'day' is not known."));

        (await _cli.RunAsync("usage", "--group-by", "day")).ExitCode.Should().Be(2);
    }

    [Fact]
    public async Task Usage_Unauthorized_ExitsFiveAndSaysHowToPassAKey()
    {
        _cli.Server.On("GET", "/api/usage", Problem(HttpStatusCode.Unauthorized, "A valid API key is required."));

        var run = await _cli.RunAsync("usage");

        run.ExitCode.Should().Be(5);
        run.Stderr.Should().Contain("(pass --api-key or set ORCH_API_KEY)");
    }
}
