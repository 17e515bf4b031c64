using System.Net;
using Orchestrator.Cli.Tests.Support;
using static Orchestrator.Cli.Tests.Support.StubHttpHandler;

namespace Orchestrator.Cli.Tests.Commands;

public class InstanceCommandsTests
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task Status_RendersTheInstance()
    {
        _cli.Server.On("GET", "/api/instances/abc", Json(Samples.Instance("abc", "Running")));

        var run = await _cli.RunAsync("status", "abc");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("abc").And.Contain("samples.sequence v1").And.Contain("Running").And.NotContain("\u001b[");
    }

    [Fact]
    public async Task Status_NotFound_ExitsThreeWithTheDetailOnOneLine()
    {
        _cli.Server.On("GET", "/api/instances/nope", Problem(HttpStatusCode.NotFound, "No instance 'nope'."));

        var run = await _cli.RunAsync("status", "nope");

        run.ExitCode.Should().Be(3);
        run.Stderr.Should().Be("orch: No instance 'nope'." + Environment.NewLine);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Status_IdWithReservedCharacters_IsEscapedInThePath()
    {
        _cli.Server.On("GET", "/api/instances/a%2Fb%20c", Json(Samples.Instance("a/b c", "Running")));

        var run = await _cli.RunAsync("status", "a/b c");

        run.ExitCode.Should().Be(0, run.Stderr);
    }

    [Fact]
    public async Task Status_ServerErrorWithoutProblem_ExitsOneWithTheStatusLine()
    {
        _cli.Server.On("GET", "/api/instances/abc", Empty(HttpStatusCode.InternalServerError));

        var run = await _cli.RunAsync("status", "abc");

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().Be("orch: GET api/instances/abc: 500 Internal Server Error" + Environment.NewLine);
    }

    [Fact]
    public async Task Status_UnexpectedBody_ExitsOne()
    {
        _cli.Server.On("GET", "/api/instances/abc", Json("""{"instanceId":"abc"}"""));

        var run = await _cli.RunAsync("status", "abc");

        run.ExitCode.Should().Be(1);
        run.Stderr.Should().StartWith("orch: unexpected response from the server");
    }

    [Fact]
    public async Task Status_ServerUnreachable_ExitsSix()
    {
        _cli.Server.On("GET", "/api/instances/abc", () => throw new HttpRequestException("Connection refused (127.0.0.1:5080)"));

        var run = await _cli.RunAsync("status", "abc");

        run.ExitCode.Should().Be(6);
        run.Stderr.Should().Be("orch: cannot reach http://127.0.0.1:5080/: Connection refused (127.0.0.1:5080)" + Environment.NewLine);
    }

    [Fact]
    public async Task History_Json_PrintsTheServerBody()
    {
        var body = $$"""{"instanceId":"abc","steps":[{{Samples.Step(1, "activity", "ChargeCard", "Completed")}}]}""";
        _cli.Server.On("GET", "/api/instances/abc/history", Json(body));

        var run = await _cli.RunAsync("history", "abc", "--json");

        run.Stdout.Should().Be(body + Environment.NewLine);
    }

    [Fact]
    public async Task History_RendersTheSteps()
    {
        _cli.Server.On("GET", "/api/instances/abc/history", Json($$"""{"instanceId":"abc","steps":[{{Samples.Step(1, "activity", "ChargeCard", "Completed")}}]}"""));

        var run = await _cli.RunAsync("history", "abc");

        run.Stdout.Should().Contain("ChargeCard").And.Contain("Completed").And.Contain("1.5s");
    }

    [Fact]
    public async Task Raise_Data_IsSentAsTheBody()
    {
        _cli.Server.On("POST", "/api/instances/abc/events/approval", Empty(HttpStatusCode.Accepted));

        var run = await _cli.RunAsync("raise", "abc", "approval", "--data", """{"approved":true}""");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("Raised approval on abc");
        _cli.Server.Requests.Single().Body.Should().Be("""{"approved":true}""");
    }

    [Fact]
    public async Task Raise_WithoutData_SendsNullAndJsonModePrintsAnObject()
    {
        _cli.Server.On("POST", "/api/instances/abc/events/go", Empty(HttpStatusCode.Accepted));

        var run = await _cli.RunAsync("raise", "abc", "go", "--json");

        _cli.Server.Requests.Single().Body.Should().Be("null");
        run.Stdout.Should().Be("""{"instanceId":"abc","event":"go","accepted":true}""" + Environment.NewLine);
    }

    [Fact]
    public async Task Raise_InvalidData_ExitsTwoNamingTheOption()
    {
        var run = await _cli.RunAsync("raise", "abc", "go", "--data", "{oops");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("orch: --data value is not valid JSON");
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Theory]
    [InlineData("suspend", "Suspended")]
    [InlineData("resume", "Running")]
    [InlineData("restart", "Running")]
    public async Task Operation_Accepted_ReportsTheNewStatus(string operation, string status)
    {
        _cli.Server.On("POST", $"/api/instances/abc/{operation}", Json(HttpStatusCode.Accepted, $$"""{"instanceId":"abc","status":"{{status}}"}"""));

        var run = await _cli.RunAsync(operation, "abc");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain($"accepted for abc (status: {status})");
        _cli.Server.Requests.Single().Body.Should().BeNull();
    }

    [Fact]
    public async Task Terminate_Reason_IsSentInTheBody()
    {
        const string response = """{"instanceId":"abc","status":"Terminated"}""";
        _cli.Server.On("POST", "/api/instances/abc/terminate", Json(HttpStatusCode.Accepted, response));

        var run = await _cli.RunAsync("terminate", "abc", "--reason", "duplicate order", "--json");

        _cli.Server.Requests.Single().Body.Should().Be("""{"reason":"duplicate order"}""");
        run.Stdout.Should().Be(response + Environment.NewLine);
    }

    [Fact]
    public async Task Suspend_NotAllowedNow_ExitsFour()
    {
        _cli.Server.On("POST", "/api/instances/abc/suspend", Problem(HttpStatusCode.Conflict, "Instance 'abc' is Completed."));

        var run = await _cli.RunAsync("suspend", "abc");

        run.ExitCode.Should().Be(4);
        run.Stderr.Should().Be("orch: Instance 'abc' is Completed." + Environment.NewLine);
    }

    [Fact]
    public async Task Purge_Deletes_AndJsonModePrintsAnObject()
    {
        _cli.Server.On("DELETE", "/api/instances/abc", Empty(HttpStatusCode.NoContent));

        var run = await _cli.RunAsync("purge", "abc", "--json");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Be("""{"instanceId":"abc","purged":true}""" + Environment.NewLine);
    }

    [Fact]
    public async Task Purge_StillRunning_ExitsFour()
    {
        _cli.Server.On("DELETE", "/api/instances/abc", Problem(HttpStatusCode.Conflict, "Instance 'abc' is still Running."));

        var run = await _cli.RunAsync("purge", "abc");

        run.ExitCode.Should().Be(4);
    }
}
