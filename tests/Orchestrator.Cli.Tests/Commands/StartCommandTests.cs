using System.Net;
using System.Text.Json;
using Orchestrator.Cli.Tests.Support;
using static Orchestrator.Cli.Tests.Support.StubHttpHandler;

namespace Orchestrator.Cli.Tests.Commands;

public sealed class StartCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("orch-cli-start-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("{bad")]
    [InlineData("plain text")]
    public async Task Start_InvalidInputJson_ExitsTwoAndSendsNothing(string input)
    {
        var run = await _cli.RunAsync("start", "samples.sequence", "--input", input);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().StartWith("orch: --input value is not valid JSON");
        run.Stderr.TrimEnd().Should().NotContain("\n");
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Start_AllOptions_SendTheContractBody()
    {
        var file = Path.Combine(_directory, "input.json");
        await File.WriteAllTextAsync(file, """{ "orderId": 42 }""");
        _cli.Server.On("POST", "/api/instances", Json(HttpStatusCode.Created, """{"instanceId":"order-42"}"""));

        var run = await _cli.RunAsync("start", "samples.sequence", "--input", "@" + file, "--id", "order-42", "--version", "3", "--tag", "team=a", "--tag", "env=dev");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("Started order-42 (samples.sequence)").And.Contain("orch watch order-42");
        using var body = JsonDocument.Parse(_cli.Server.Requests.Single().Body!);
        body.RootElement.GetProperty("workflow").GetString().Should().Be("samples.sequence");
        body.RootElement.GetProperty("version").GetString().Should().Be("3");
        body.RootElement.GetProperty("instanceId").GetString().Should().Be("order-42");
        body.RootElement.GetProperty("input").GetProperty("orderId").GetInt32().Should().Be(42);
        body.RootElement.GetProperty("tags").GetProperty("team").GetString().Should().Be("a");
        body.RootElement.GetProperty("tags").GetProperty("env").GetString().Should().Be("dev");
    }

    [Fact]
    public async Task Start_OnlyWorkflow_LeavesOptionalMembersOut()
    {
        _cli.Server.On("POST", "/api/instances", Json(HttpStatusCode.Created, """{"instanceId":"x"}"""));

        await _cli.RunAsync("start", "samples.sequence");

        _cli.Server.Requests.Single().Body.Should().Be("""{"workflow":"samples.sequence"}""");
    }

    [Fact]
    public async Task Start_Json_PrintsTheServerBodyOnly()
    {
        const string response = """{"instanceId":"abc","extra":[1,2]}""";
        _cli.Server.On("POST", "/api/instances", Json(HttpStatusCode.Created, response));

        var run = await _cli.RunAsync("start", "samples.sequence", "--json");

        run.Stdout.Should().Be(response + Environment.NewLine);
    }

    [Fact]
    public async Task Start_SameIdAndInput_SaysItAlreadyExists()
    {
        _cli.Server.On("POST", "/api/instances", Json(HttpStatusCode.OK, """{"instanceId":"abc"}"""));

        var run = await _cli.RunAsync("start", "samples.sequence", "--id", "abc");

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Already started abc");
    }

    [Fact]
    public async Task Start_Conflict_ExitsFourWithTheProblemDetail()
    {
        _cli.Server.On("POST", "/api/instances", Problem(HttpStatusCode.Conflict, "Instance 'abc' exists with another input."));

        var run = await _cli.RunAsync("start", "samples.sequence", "--id", "abc");

        run.ExitCode.Should().Be(4);
        run.Stderr.Should().Be("orch: Instance 'abc' exists with another input." + Environment.NewLine);
        run.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Start_ApiKeyAndServerFromEnvironment_AreUsed()
    {
        _cli.Variables["ORCH_URL"] = "https://orch.example/base";
        _cli.Variables["ORCH_API_KEY"] = "env-key";
        _cli.Server.On("POST", "/base/api/instances", Json(HttpStatusCode.Created, """{"instanceId":"x"}"""));

        var run = await _cli.RunAsync("start", "samples.sequence");

        run.ExitCode.Should().Be(0, run.Stderr);
        _cli.Server.Requests.Single().Authorization.Should().Be("Bearer env-key");
    }

    [Fact]
    public async Task Start_OptionsBeatEnvironment()
    {
        _cli.Variables["ORCH_URL"] = "http://ignored:1";
        _cli.Variables["ORCH_API_KEY"] = "env-key";
        _cli.Server.On("POST", "/api/instances", Json(HttpStatusCode.Created, """{"instanceId":"x"}"""));

        await _cli.RunAsync("start", "samples.sequence", "--server", "http://127.0.0.1:6000", "--api-key", "flag-key");

        var request = _cli.Server.Requests.Single();
        request.Uri.Should().Be(new Uri("http://127.0.0.1:6000/api/instances"));
        request.Authorization.Should().Be("Bearer flag-key");
    }

    [Fact]
    public async Task Start_Watch_FollowsTheInstanceToItsEnd()
    {
        _cli.Server
            .On("POST", "/api/instances", Json(HttpStatusCode.Created, """{"instanceId":"abc"}"""))
            .On("GET", "/api/instances/abc/stream", EventStream(
                Samples.Event("status", """{"status":"Running","customStatus":null}""")
                + Samples.Event("step", Samples.Step(1, "activity", "ChargeCard", "Completed"))
                + Samples.Event("done", Samples.Instance("abc", "Failed"))));

        var run = await _cli.RunAsync("start", "samples.sequence", "--watch");

        run.ExitCode.Should().Be(10);
        run.Stdout.Should().Contain("Started abc").And.Contain("ChargeCard Completed 1.5s").And.Contain("Failed abc");
    }
}
