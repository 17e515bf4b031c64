using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.FreshClone;

/// <summary>
/// The server started as README says (<c>dotnet run --project src/Orchestrator.Server</c>, nothing configured) from a
/// folder of the user's: Development with the loud <c>dev</c> user unless an environment is set explicitly, and the data
/// in that folder's <c>./data</c>.
/// </summary>
public sealed class ReadmeStartTests
{
    [Fact]
    public async Task DotnetRun_NothingConfigured_IsDevelopmentWithTheDevUserDataInTheFolderItRunsInAndTheSampleMcpServer()
    {
        using var folder = new TestFolder("readme-start");
        await using var server = await ServerProcess.StartAsync(folder, new ServerOptions { Unconfigured = true, ViaDotnetRun = true, WorkingDirectory = folder.Path });

        using var session = await GetSessionAsync(server, "dev-key");

        session.StatusCode.Should().Be(HttpStatusCode.OK);
        JsonSerializer.Deserialize<JsonElement>(await session.Content.ReadAsStringAsync()).GetProperty("user").GetString().Should().Be("dev");
        File.Exists(Path.Combine(folder.Path, "data", "orchestrator.db")).Should().BeTrue("./data is the data folder of the folder the server runs in");
        using var tools = await GetAsync(server, "dev-key", "/api/tools");
        (await tools.Content.ReadAsStringAsync()).Should().Contain("mcp:library.search_papers", "research.report's MCP server starts from any folder");
        var log = await File.ReadAllTextAsync(server.LogPath);
        log.Should().Contain("Environment: Development").And.Contain("'dev-key'").And.Contain("DEVELOPMENT ONLY").And.Contain("Orchestrator:Users");
    }

    [Fact]
    public async Task DotnetRun_ResearchReportWithAModelConfigured_CompletesWithTheLibraryMcpServersTools()
    {
        using var folder = new TestFolder("readme-research");
        await using var model = await ScriptedModelServer.StartAsync();
        model.Fallback = Reply.Text("- Solid-state batteries are in pilot production (source: library).");
        var options = new ServerOptions
        {
            Unconfigured = true,
            ViaDotnetRun = true,
            WorkingDirectory = folder.Path,
            Extra = new Dictionary<string, string>
            {
                ["Orchestrator__Models__default__Endpoint"] = model.BaseUrl,
                ["Orchestrator__Models__default__ApiKey"] = "test",
            },
        };
        await using var server = await ServerProcess.StartAsync(folder, options);
        using var api = new ApiClient(server.BaseAddress, "dev-key");

        var id = await api.StartAsync("research.report", new { topic = "solid-state batteries" });
        var done = await api.WaitForStatusAsync(id, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(120));

        done.GetProperty("status").GetString().Should().Be("Completed", done.ToString());
        done.GetProperty("output").GetProperty("report").GetString().Should().Contain("Solid-state");
        model.Requests.SelectMany(r => r.Tools).Should().Contain(t => t.Contains("search_papers"), "the literature researcher was offered the MCP library's tools");
    }

    [Fact]
    public async Task DotnetRun_ProductionSetExplicitly_HasNoDevUser()
    {
        using var folder = new TestFolder("readme-production");
        var options = new ServerOptions
        {
            Unconfigured = true,
            ViaDotnetRun = true,
            WorkingDirectory = folder.Path,
            Extra = new Dictionary<string, string> { ["ASPNETCORE_ENVIRONMENT"] = "Production" },
        };
        await using var server = await ServerProcess.StartAsync(folder, options);

        using var session = await GetSessionAsync(server, "dev-key");

        session.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var log = await File.ReadAllTextAsync(server.LogPath);
        log.Should().Contain("Environment: Production").And.NotContain("dev-key");
    }

    [Fact]
    public async Task DotnetRun_KilledTheWayReadmeSays_StopsTheServerItselfAndNotTheShellsOtherProcesses()
    {
        using var folder = new TestFolder("readme-kill");
        await using var server = await ServerProcess.StartAsync(folder, new ServerOptions { Unconfigured = true, ViaDotnetRun = true, WorkingDirectory = folder.Path });
        // Something else whose command line names the server, e.g. a log viewer: a pattern match would kill it too.
        using var bystander = Process.Start(new ProcessStartInfo("bash", ["-c", "exec -a 'less src/Orchestrator.Server/server.log' sleep 60"]) { UseShellExecute = false })!;
        var (_, pid) = await ShellAsync(folder.Path, "cut -d' ' -f2 data/orchestrator.lock");

        var (exitCode, _) = await ShellAsync(folder.Path, ReadmeKillCommand);

        exitCode.Should().Be(0, "the lock file names the server's process ({0})", pid);
        (await server.WaitForExitAsync(TimeSpan.FromSeconds(30))).Should().NotBe(0, "dotnet run ends when the server it ran was killed");
        bystander.HasExited.Should().BeFalse("only the server is killed");
        bystander.Kill();
        (await File.ReadAllTextAsync(server.LogPath)).Should().Contain($"process id {pid.Trim()}", "the start-up log names the process too");
    }

    [Fact]
    public async Task ServerDll_StartedFromAnotherFolder_KeepsItsDataInThatFoldersData()
    {
        using var folder = new TestFolder("other-folder");
        var options = new ServerOptions
        {
            Unconfigured = true,
            WorkingDirectory = folder.Path,
            Extra = new Dictionary<string, string> { ["Orchestrator__Users__ops__ApiKey"] = "ops-key", ["Orchestrator__Users__ops__Roles__0"] = "admin" },
        };
        await using var server = await ServerProcess.StartAsync(folder, options);

        using var session = await GetSessionAsync(server, "ops-key");

        session.StatusCode.Should().Be(HttpStatusCode.OK);
        File.Exists(Path.Combine(folder.Path, "data", "orchestrator.db")).Should().BeTrue();
    }

    /// <summary>README's way to kill the server the hard way, run from the folder the server was started in.</summary>
    private const string ReadmeKillCommand = "kill -9 $(cut -d' ' -f2 data/orchestrator.lock)";

    private static async Task<(int ExitCode, string Output)> ShellAsync(string folder, string command)
    {
        using var shell = Process.Start(new ProcessStartInfo("sh", ["-c", command]) { WorkingDirectory = folder, UseShellExecute = false, RedirectStandardOutput = true })!;
        var output = await shell.StandardOutput.ReadToEndAsync();
        await shell.WaitForExitAsync();
        return (shell.ExitCode, output);
    }

    private static Task<HttpResponseMessage> GetSessionAsync(ServerProcess server, string key) => GetAsync(server, key, "/api/session");

    private static async Task<HttpResponseMessage> GetAsync(ServerProcess server, string key, string path)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.GetAsync(path);
    }
}
