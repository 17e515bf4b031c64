using System.Net;
using System.Text.Json;
using Orchestrator.Cli.Tests.Support;
using static Orchestrator.Cli.Tests.Support.StubHttpHandler;

namespace Orchestrator.Cli.Tests.Commands;

public sealed class DefinitionsCommandTests : IDisposable
{
    private const string Flow = """{"definitionId":"refund-flow","name":"Refund","root":{"type":"Elsa.Flowchart","activities":[],"connections":[]}}""";
    private readonly CliHarness _cli = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "orch-cli-definitions-" + Guid.NewGuid().ToString("N"));

    public DefinitionsCommandTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task Import_File_PostsItAsADraft()
    {
        var file = Write("flow.json", Flow);
        _cli.Server.On("POST", "/api/definitions/import?publish=false", Json("""{"definitionId":"refund-flow","version":null,"problems":[]}"""));

        var run = await _cli.RunAsync("definitions", "import", file);

        run.ExitCode.Should().Be(0, run.Stderr);
        _cli.Server.Requests.Single().Body.Should().Be(Flow);
        run.Stdout.Should().Contain("Imported refund-flow as a draft");
    }

    [Fact]
    public async Task Import_Publish_SaysWhichVersionAndListsProblems()
    {
        var file = Write("flow.json", Flow);
        _cli.Server.On(
            "POST",
            "/api/definitions/import?publish=true",
            Json("""{"definitionId":"refund-flow","version":3,"problems":[{"nodeId":"triage","code":"x","message":"Pick an agent."}]}"""));

        var run = await _cli.RunAsync("definitions", "import", file, "--publish");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("published version 3").And.Contain("triage").And.Contain("Pick an agent.");
    }

    [Fact]
    public async Task Import_Refused_ExitsNonZeroWithTheServersReason()
    {
        var file = Write("flow.json", Flow);
        _cli.Server.On("POST", "/api/definitions/import?publish=false", Problem(HttpStatusCode.BadRequest, "The flow uses activity types that do not run here: Elsa.RunJavaScript."));

        var run = await _cli.RunAsync("definitions", "import", file);

        run.ExitCode.Should().NotBe(0);
        run.Stderr.Should().Contain("Elsa.RunJavaScript");
    }

    [Fact]
    public async Task Import_MissingFile_IsAUsageErrorAndSendsNothing()
    {
        var run = await _cli.RunAsync("definitions", "import", Path.Combine(_folder, "missing.json"));

        run.ExitCode.Should().Be(2);
        _cli.Server.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Export_VersionToFile_WritesTheBareDefinition()
    {
        var file = Path.Combine(_folder, "out.json");
        _cli.Server.On("GET", "/api/definitions/refund-flow/export?format=elsa&version=2", Json(Flow));

        var run = await _cli.RunAsync("definitions", "export", "refund-flow", "--version", "2", "--output", file);

        run.ExitCode.Should().Be(0, run.Stderr);
        JsonDocument.Parse(await File.ReadAllTextAsync(file)).RootElement.GetProperty("definitionId").GetString().Should().Be("refund-flow");
        run.Stdout.Should().Contain("Exported refund-flow");
    }

    [Fact]
    public async Task Export_NoOutput_PrintsTheJson()
    {
        _cli.Server.On("GET", "/api/definitions/refund-flow/export?format=elsa", Json(Flow));

        var run = await _cli.RunAsync("definitions", "export", "refund-flow");

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Trim().Should().Be(Flow);
    }

    [Fact]
    public async Task Export_UnknownFormat_IsAUsageError()
    {
        var run = await _cli.RunAsync("definitions", "export", "refund-flow", "--format", "bpmn");

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("elsa");
    }

    [Fact]
    public async Task List_RendersDefinitionsWithVersions()
    {
        _cli.Server.On(
            "GET",
            "/api/definitions",
            Json("""{"items":[{"definitionId":"refund-flow","name":"Refund request","description":null,"hasDraft":true,"draftSavedAt":"2025-11-22T11:00:00Z","draftSavedBy":"ana","latestVersion":2,"versions":[1,2]}]}"""));

        var run = await _cli.RunAsync("definitions", "list");

        run.ExitCode.Should().Be(0, run.Stderr);
        var row = run.Stdout.Split('\n').Single(line => line.Contains("refund-flow"));
        row.Should().Contain("Refund request").And.Contain("1, 2").And.Contain("ana");
    }

    [Fact]
    public async Task List_Json_IsTheServersBody()
    {
        const string Body = """{"items":[]}""";
        _cli.Server.On("GET", "/api/definitions", Json(Body));

        var run = await _cli.RunAsync("definitions", "list", "--json");

        run.Stdout.Trim().Should().Be(Body);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
