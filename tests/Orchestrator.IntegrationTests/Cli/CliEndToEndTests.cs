using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Cli;

/// <summary>The real orch program against a real server: output for people, JSON for scripts, exit codes.</summary>
public sealed class CliEndToEndTests
{
    [Fact]
    public async Task Orch_StartWatchStatusListRaise_WorkAgainstARealServer()
    {
        using var folder = new TestFolder("cli");
        await using var server = await ServerProcess.StartAsync(folder, new ServerOptions());

        var started = await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "samples.sequence", "--input", "{\"steps\":3}", "--id", "cli-1", "--watch");
        started.ExitCode.Should().Be(0, started.Stderr);
        started.Stdout.Should().Contain("Completed");

        var status = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "status", "cli-1", "--json");
        status.ExitCode.Should().Be(0, status.Stderr);
        var instance = JsonDocument.Parse(status.Stdout).RootElement;
        instance.GetProperty("status").GetString().Should().Be("Completed");
        instance.GetProperty("output").GetProperty("completed").GetInt32().Should().Be(3);

        var history = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "history", "cli-1");
        history.ExitCode.Should().Be(0);
        history.Stdout.Should().Contain("samples.noop");

        var waiting = await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "samples.wait-for-event", "--id", "cli-2");
        waiting.ExitCode.Should().Be(0, waiting.Stderr);
        var raised = await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "raise", "cli-2", "go", "--data", "{\"ok\":true}");
        raised.ExitCode.Should().Be(0, raised.Stderr);
        var watched = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "watch", "cli-2", "--json");
        watched.ExitCode.Should().Be(0, watched.Stderr);
        JsonDocument.Parse(watched.Stdout).RootElement.GetProperty("output").GetProperty("ok").GetBoolean().Should().BeTrue();

        var list = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "list", "--status", "Completed", "--json");
        list.ExitCode.Should().Be(0);
        JsonDocument.Parse(list.Stdout).RootElement.GetProperty("items").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task Orch_Failures_ReturnExitCodesScriptsCanTrust()
    {
        using var folder = new TestFolder("cli-errors");
        await using var server = await ServerProcess.StartAsync(folder, new ServerOptions());

        (await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "status", "no-such-instance")).ExitCode.Should().Be(3);
        (await CliRunner.RunAsync(server, "wrong-key", "list")).ExitCode.Should().Be(5);
        (await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "start", "samples.sequence")).ExitCode.Should().Be(5, "a viewer may not start instances");
        (await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "samples.sequence", "--input", "{not json")).ExitCode.Should().Be(2);
        (await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "samples.sequence", "--id", "x", "--input", "{\"steps\":1}")).ExitCode.Should().Be(0);
        var conflict = await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "samples.sequence", "--id", "x", "--input", "{\"steps\":2}");
        conflict.ExitCode.Should().Be(4);
        conflict.Stderr.Should().StartWith("orch: ");

        var failed = await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "samples.sequence", "--input", "{\"steps\":-1}", "--watch");
        failed.ExitCode.Should().Be(10, "a watched instance that fails exits with 10");
    }

    [Fact]
    public async Task Orch_HistoryAfterAnotherUsersEventAndRestart_CreditsThatUserNotWhomTheInstanceActsFor()
    {
        using var folder = new TestFolder("cli-credit");
        var closedBookingSystem = new Dictionary<string, string> { ["ItTests__BookingGatePath"] = folder.File("gate-never-opened") };
        await using var server = await ServerProcess.StartAsync(folder, new ServerOptions { Extra = closedBookingSystem });
        (await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "it.booking", "--input", "\"A-7\"", "--id", "credit-1", "--watch"))
            .ExitCode.Should().Be(10);
        (await CliRunner.RunAsync(server, ServerProcess.DeveloperKey, "start", "samples.wait-for-event", "--id", "credit-2")).ExitCode.Should().Be(0);

        // dev started both; admin restarts one and raises the other's event.
        (await CliRunner.RunAsync(server, ServerProcess.AdminKey, "restart", "credit-1")).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(server, ServerProcess.AdminKey, "raise", "credit-2", "go", "--data", "{\"ok\":true}")).ExitCode.Should().Be(0);
        (await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "watch", "credit-2", "--json")).ExitCode.Should().Be(0);

        var restarted = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "history", "credit-1");
        var raised = await CliRunner.RunAsync(server, ServerProcess.ViewerKey, "history", "credit-2");

        restarted.Stdout.Split('\n').Should().ContainSingle(line => line.Contains("│ operation ") && line.Contains("restart"), restarted.Stdout + restarted.Stderr)
            .Which.Should().Contain("by admin", "dev started the instance and the administrator restarted it").And.NotContain("dev");
        raised.Stdout.Split('\n').Should().ContainSingle(line => line.Contains("│ event ") && line.Contains(" go "))
            .Which.Should().Contain("by admin").And.NotContain("by dev");
        var audit = await CliRunner.RunAsync(server, ServerProcess.AdminKey, "audit", "--instance", "credit-1", "--action", "instance.restart", "--json");
        JsonDocument.Parse(audit.Stdout).RootElement.GetProperty("items")[0].GetProperty("actor").GetString().Should().Be("user:admin");
    }
}
