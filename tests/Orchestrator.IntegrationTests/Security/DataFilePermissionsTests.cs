using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;

namespace Orchestrator.IntegrationTests.Security;

/// <summary>
/// What a real server leaves in its data folder (the database, its -wal and -shm files, the lock, the session key, the
/// signed-out sessions) is readable by the server's user only: files 0600, folders 0700.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class DataFilePermissionsTests
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = PrivateFile | UnixFileMode.UserExecute;

    [Fact]
    public async Task DataFolder_AfterSignInSignOutAndARun_HoldsOnlyPrivateFilesAndFolders()
    {
        using var folder = new TestFolder("data-permissions");
        var options = new ServerOptions
        {
            Extra = new Dictionary<string, string> { ["Orchestrator__Users__pat__Password"] = "pat-password", ["Orchestrator__Users__pat__Roles__0"] = "viewer" },
        };
        await using (var server = await ServerProcess.StartAsync(folder, options))
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
            using var signIn = await http.PostAsJsonAsync("/api/session", new { user = "pat", password = "pat-password" });
            signIn.StatusCode.Should().Be(HttpStatusCode.OK);
            var csrf = JsonSerializer.Deserialize<JsonElement>(await signIn.Content.ReadAsStringAsync()).GetProperty("csrfToken").GetString();
            using var signOut = new HttpRequestMessage(HttpMethod.Delete, "/api/session");
            signOut.Headers.Add("Cookie", signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("orch_session=", StringComparison.Ordinal)).Split(';')[0]);
            signOut.Headers.Add("X-CSRF-Token", csrf);
            (await http.SendAsync(signOut)).StatusCode.Should().Be(HttpStatusCode.NoContent);
            var id = await server.Api.StartAsync("samples.sequence", new { steps = 1 });
            await server.Api.WaitForStatusAsync(id, s => s == "Completed", TimeSpan.FromSeconds(60));

            var data = folder.File("data");
            var files = Directory.GetFiles(data, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(data, f)).ToList();
            files.Should().Contain(["orchestrator.db", "orchestrator.db-wal", "orchestrator.db-shm", "orchestrator.lock",
                Path.Combine("keys", "session.key"), Path.Combine("keys", "signed-out-sessions")]);
            foreach (var file in files)
            {
                File.GetUnixFileMode(Path.Combine(data, file)).Should().Be(PrivateFile, file);
            }

            foreach (var directory in Directory.GetDirectories(data, "*", SearchOption.AllDirectories).Append(data))
            {
                File.GetUnixFileMode(directory).Should().Be(PrivateFolder, directory);
            }
        }
    }
}
