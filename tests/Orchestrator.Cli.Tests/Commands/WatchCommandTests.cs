using System.Net;
using Orchestrator.Cli.Tests.Support;
using static Orchestrator.Cli.Tests.Support.StubHttpHandler;

namespace Orchestrator.Cli.Tests.Commands;

public class WatchCommandTests
{
    private readonly CliHarness _cli = new();

    private static string Stream(string finalStatus) =>
        Samples.Event("status", """{"status":"Running","customStatus":{"waitingFor":"approval:t1"}}""")
        + ": keep-alive\n\n"
        + Samples.Event("step", Samples.Step(1, "activity", "ChargeCard", "Completed"))
        + Samples.Event("token", "\"partial model text\"")
        + Samples.Event("done", Samples.Instance("abc", finalStatus));

    [Theory]
    [InlineData("Completed", 0)]
    [InlineData("Failed", 10)]
    [InlineData("Terminated", 11)]
    public async Task Watch_StreamEndsInStatus_ExitCodeTellsHowItEnded(string finalStatus, int expectedExitCode)
    {
        _cli.Server.On("GET", "/api/instances/abc/stream", EventStream(Stream(finalStatus)));

        var run = await _cli.RunAsync("watch", "abc");

        run.ExitCode.Should().Be(expectedExitCode, run.Stderr);
        run.Stdout.Should().Contain("status Running {\"waitingFor\":\"approval:t1\"}")
            .And.Contain("13:56:01 activity ChargeCard Completed 1.5s")
            .And.Contain($"{finalStatus} abc in 4m 30s");
        run.Stderr.Should().BeEmpty();
        _cli.Server.Requests.Single().Accept.Should().Be("text/event-stream");
    }

    [Fact]
    public async Task Watch_HistoryResetAndSignals_AreShownOrSkipped()
    {
        _cli.Server.On("GET", "/api/instances/abc/stream", EventStream(
            Samples.Event("status", """{"status":"Running","customStatus":null}""")
            + Samples.Event("signal", """{"kind":"activityStarted","data":null}""")
            + Samples.Event("reset", "{}")
            + Samples.Event("done", Samples.Instance("abc", "Completed"))));

        var run = await _cli.RunAsync("watch", "abc");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("The history was replaced (restart); the steps start over").And.NotContain("activityStarted");
    }

    [Fact]
    public async Task Watch_Json_PrintsOnlyTheFinalInstanceAsSent()
    {
        _cli.Server.On("GET", "/api/instances/abc/stream", EventStream(Stream("Completed")));

        var run = await _cli.RunAsync("watch", "abc", "--json");

        run.ExitCode.Should().Be(0);
        var expected = string.Join(' ', Samples.Instance("abc", "Completed").Split('\n', StringSplitOptions.TrimEntries));
        run.Stdout.Should().Be(expected + Environment.NewLine);
    }

    [Fact]
    public async Task Watch_StreamDrops_FallsBackToPolling()
    {
        _cli.Server
            .On("GET", "/api/instances/abc/stream", EventStream(Samples.Event("status", """{"status":"Running"}"""), breakAtEnd: true))
            .On("GET", "/api/instances/abc", Json(Samples.Instance("abc", "Running")), Json(Samples.Instance("abc", "Running")), Json(Samples.Instance("abc", "Terminated")));

        var run = await _cli.RunAsync("watch", "abc");

        run.ExitCode.Should().Be(11, run.Stderr);
        run.Stdout.Should().Contain("the event stream dropped").And.Contain("polling every 5 ms").And.Contain("status Terminated");
        _cli.Server.Requests.Count(request => request.PathAndQuery == "/api/instances/abc").Should().Be(3);
    }

    [Fact]
    public async Task Watch_StreamClosesEarly_FallsBackToPolling()
    {
        _cli.Server
            .On("GET", "/api/instances/abc/stream", EventStream(Samples.Event("status", """{"status":"Running"}""")))
            .On("GET", "/api/instances/abc", Json(Samples.Instance("abc", "Completed")));

        var run = await _cli.RunAsync("watch", "abc", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().StartWith("{").And.Contain("\"Completed\"");
    }

    [Fact]
    public async Task Watch_StreamUnavailable_FallsBackToPolling()
    {
        _cli.Server
            .On("GET", "/api/instances/abc/stream", Empty(HttpStatusCode.BadGateway))
            .On("GET", "/api/instances/abc", Json(Samples.Instance("abc", "Completed")));

        var run = await _cli.RunAsync("watch", "abc");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("the event stream is unavailable");
    }

    [Fact]
    public async Task Watch_UnknownInstance_ExitsThreeWithoutPolling()
    {
        _cli.Server.On("GET", "/api/instances/nope/stream", Problem(HttpStatusCode.NotFound, "No instance 'nope'."));

        var run = await _cli.RunAsync("watch", "nope");

        run.ExitCode.Should().Be(3);
        run.Stderr.Should().Be("orch: No instance 'nope'." + Environment.NewLine);
        _cli.Server.Requests.Should().ContainSingle();
    }
}
