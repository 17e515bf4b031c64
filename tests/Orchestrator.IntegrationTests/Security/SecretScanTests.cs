using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Orchestrator.IntegrationTests.Infrastructure;
using Orchestrator.Testing;

namespace Orchestrator.IntegrationTests.Security;

/// <summary>
/// Runs a server with secrets (a tool credential, a password, API keys), uses each of them, and then searches everything
/// the server left behind (the SQLite files including the WAL, its log, the API's answers) for their values.
/// </summary>
public sealed class SecretScanTests
{
    private const string ToolSecretName = "IT_TOOL_TOKEN";

    [Fact]
    public async Task Server_AfterUsingEverySecret_StoresLogsAndAnswersNoneOfThem()
    {
        using var folder = new TestFolder("secret-scan");
        await using var system = await RecordingHttpEndpoint.StartAsync(new { refunded = true });
        var toolSecret = "it-tool-secret-" + Guid.NewGuid().ToString("N");
        var password = "it-password-" + Guid.NewGuid().ToString("N");
        var secrets = new Dictionary<string, string>
        {
            ["tool secret"] = toolSecret,
            ["password"] = password,
            ["admin key"] = ServerProcess.AdminKey,
            ["developer key"] = ServerProcess.DeveloperKey,
            ["viewer key"] = ServerProcess.ViewerKey,
            ["approver key"] = ServerProcess.AliceKey,
        };
        var options = new ServerOptions
        {
            Extra = new Dictionary<string, string>
            {
                ["Logging__LogLevel__Default"] = "Debug",
                [$"Orchestrator__Secrets__{ToolSecretName}"] = toolSecret,
                ["Orchestrator__Users__pat__Password"] = password,
                ["Orchestrator__Users__pat__Roles__0"] = "admin",
                ["Orchestrator__Tools__Http__Endpoints__it.secret-ok__Url"] = system.BaseUrl + "orders/{orderId}/refunds",
                ["Orchestrator__Tools__Http__Endpoints__it.secret-ok__Headers__Authorization"] = "secret:" + ToolSecretName,
                ["Orchestrator__Tools__Http__Endpoints__it.secret-down__Url"] = $"http://127.0.0.1:{ClosedPort()}/orders/{{orderId}}",
                ["Orchestrator__Tools__Http__Endpoints__it.secret-down__Headers__Authorization"] = "secret:" + ToolSecretName,
            },
        };

        var answers = new StringBuilder();
        await using (var server = await ServerProcess.StartAsync(folder, options))
        {
            using var http = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = server.BaseAddress };
            using (var wrong = await http.PostAsJsonAsync("/api/session", new { user = "pat", password = password + "x" }))
            {
                wrong.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
                answers.AppendLine(await wrong.Content.ReadAsStringAsync());
            }

            using (var huge = await http.PostAsJsonAsync("/api/session", new { user = new string('n', 10_000), password }))
            {
                huge.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
            }

            using var signIn = await http.PostAsJsonAsync("/api/session", new { user = "pat", password });
            signIn.StatusCode.Should().Be(HttpStatusCode.OK);
            answers.AppendLine(await signIn.Content.ReadAsStringAsync());
            using var keySignIn = await http.PostAsJsonAsync("/api/session", new { apiKey = ServerProcess.AliceKey });
            keySignIn.StatusCode.Should().Be(HttpStatusCode.OK);
            answers.AppendLine(await keySignIn.Content.ReadAsStringAsync());
            var cookie = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("orch_session=", StringComparison.Ordinal)).Split(';')[0];
            http.DefaultRequestHeaders.Add("Cookie", cookie);

            var caught = await server.Api.StartAsync("it.secret-tools", "catch");
            var failed = await server.Api.StartAsync("it.secret-tools", "fail");
            (await server.Api.WaitForStatusAsync(caught, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(60)))
                .GetProperty("status").GetString().Should().Be("Completed");
            var failure = await server.Api.WaitForStatusAsync(failed, s => s is "Completed" or "Failed", TimeSpan.FromSeconds(60));
            failure.GetProperty("status").GetString().Should().Be("Failed");

            foreach (var path in new[]
            {
                $"/api/instances/{caught}", $"/api/instances/{caught}/history", $"/api/instances/{failed}", $"/api/instances/{failed}/history",
                "/api/instances", "/api/approvals?status=all&assignee=all", "/api/usage?groupBy=workflow", "/api/usage?groupBy=user&interval=hour",
                "/api/session", "/api/workflows",
            })
            {
                using var response = await http.GetAsync(path);
                response.StatusCode.Should().Be(HttpStatusCode.OK, path);
                answers.AppendLine(await response.Content.ReadAsStringAsync());
                answers.AppendLine(string.Join("\n", response.Headers.Select(h => h.Key + ": " + string.Join(",", h.Value))));
            }

            server.Kill();
        }

        // The secret did reach the called system, so the scan below looks for a value that was really used.
        var delivered = string.Join("\n", system.Requests.Select(r => string.Join("\n", r.Headers.Select(h => h.Key + ": " + h.Value))));
        Leaks(delivered, secrets).Should().Equal("tool secret");

        var files = Directory.GetFiles(folder.File("data"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "keys" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .ToList();
        files.Should().Contain(f => f.EndsWith(".db-wal", StringComparison.Ordinal) || f.EndsWith("-wal", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Leaks(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)), secrets).Should().BeEmpty($"the store file {Path.GetFileName(file)} holds no secret");
        }

        var logs = Directory.GetFiles(folder.Path, "server-*.log").Select(File.ReadAllText).ToList();
        logs.Should().ContainSingle().Which.Should().Contain("Sign-in failed for user 'pat'", "the log is at debug level and was written");
        logs[0].Should().Contain($"Sign-in failed for user '{new string('n', 63)}\u2026'", "an unknown name is logged cut to 64 characters")
            .And.NotContain(new string('n', 64));
        Leaks(logs[0], secrets).Should().BeEmpty("the server log holds no secret");
        Leaks(answers.ToString(), secrets).Should().BeEmpty("no API answer holds a secret");
        answers.ToString().Should().Contain("it.secret-down", "the answers include the failed tool step");
    }

    /// <summary>The names of the secrets whose values occur in <paramref name="text"/>.</summary>
    private static List<string> Leaks(string text, IReadOnlyDictionary<string, string> secrets) =>
        [.. secrets.Where(s => text.Contains(s.Value, StringComparison.Ordinal)).Select(s => s.Key)];

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
