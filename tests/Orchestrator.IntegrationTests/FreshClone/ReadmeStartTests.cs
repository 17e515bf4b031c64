using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;

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

    private static Task<HttpResponseMessage> GetSessionAsync(ServerProcess server, string key) => GetAsync(server, key, "/api/session");

    private static async Task<HttpResponseMessage> GetAsync(ServerProcess server, string key, string path)
    {
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return await http.GetAsync(path);
    }
}
