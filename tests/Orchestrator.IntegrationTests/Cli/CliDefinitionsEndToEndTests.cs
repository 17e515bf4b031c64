using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Cli;

/// <summary><c>orch definitions import|export|list</c> against a real server.</summary>
public sealed class CliDefinitionsEndToEndTests
{
    [Fact]
    public async Task Orch_DefinitionsImportListExport_RoundTripTheSampleFlow()
    {
        using var folder = new TestFolder("cli-definitions");
        await using var server = await ServerProcess.StartAsync(folder, new ServerOptions());
        var sample = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(BuiltArtifacts.RepositoryRoot, "workflows", "refund-flow.json"))).RootElement;
        var copy = folder.File("my-refund.json");
        await File.WriteAllTextAsync(copy, sample.GetRawText().Replace("\"refund-flow\"", "\"my-refund\"", StringComparison.Ordinal));

        var imported = await CliRunner.RunAsync(server, ServerProcess.AdminKey, "definitions", "import", copy, "--publish", "--json");
        imported.ExitCode.Should().Be(0, imported.Stderr);
        JsonDocument.Parse(imported.Stdout).RootElement.GetProperty("version").GetInt32().Should().Be(1);

        var list = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "definitions", "list");
        list.ExitCode.Should().Be(0, list.Stderr);
        list.Stdout.Should().Contain("my-refund").And.Contain("refund-flow").And.Contain("content-flow");

        var exportedFile = folder.File("exported.json");
        var exported = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "definitions", "export", "my-refund", "--version", "1", "--output", exportedFile);
        exported.ExitCode.Should().Be(0, exported.Stderr);
        var back = JsonDocument.Parse(await File.ReadAllTextAsync(exportedFile)).RootElement;
        back.GetProperty("definitionId").GetString().Should().Be("my-refund");
        Ids(back).Should().Equal(Ids(sample));

        // Where people read, the flow goes by its title, with the id scripts use beside it.
        var workflows = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "workflows");
        workflows.Stdout.Should().Contain("Refund request (my-refund)");
        (await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "my-refund", "--id", "titled", "--input", "{}")).ExitCode.Should().Be(0);
        var listed = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "list", "--workflow", "my-refund");
        listed.Stdout.Split('\n').Should().ContainSingle(line => line.Contains("titled")).Which.Should().Contain("Refund request (my-refund v1)");
        (await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "status", "titled")).Stdout.Should().Contain("Refund request (my-refund v1)");

        var viewerImport = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "definitions", "import", copy);
        viewerImport.ExitCode.Should().Be(5, "a viewer may not import definitions");
    }

    private static List<string?> Ids(JsonElement flow) =>
        [.. flow.GetProperty("root").GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString())];
}
