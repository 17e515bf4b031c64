using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Sessions across a restart and past their idle timeout, each on a server of its own.</summary>
public sealed class SessionLifetimeTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-session-tests-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Session_AfterServerRestart_IsStillValidAndSignOutStaysEffective()
    {
        string cookie;
        string csrfToken;
        string signedOutCookie;
        await using (var first = await StartAsync())
        {
            (cookie, csrfToken) = await SignInAsync(first, TestUsers.Approver);
            (signedOutCookie, var otherToken) = await SignInAsync(first, TestUsers.Approver);
            using var signOut = new HttpRequestMessage(HttpMethod.Delete, Url(first, "/api/session"));
            signOut.Headers.Add("Cookie", signedOutCookie);
            signOut.Headers.Add("X-CSRF-Token", otherToken);
            using var signedOut = await Http.SendAsync(signOut);
            signedOut.StatusCode.Should().Be(HttpStatusCode.NoContent);
        }

        await using var second = await StartAsync();
        using var response = await GetWithCookieAsync(second, "/api/session", cookie);
        using var revoked = await GetWithCookieAsync(second, "/api/session", signedOutCookie);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("csrfToken").GetString().Should().Be(csrfToken);
        revoked.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        File.Exists(Path.Combine(_dataDir, "keys", "session.key")).Should().BeTrue();
    }

    [Fact]
    public async Task Session_IdleLongerThanTheTimeout_Is401()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Orchestrator:Sessions:IdleTimeout"] = "00:00:05" });
        var (cookie, _) = await SignInAsync(app, TestUsers.Viewer);
        using (var fresh = await GetWithCookieAsync(app, "/api/workflows", cookie))
        {
            fresh.StatusCode.Should().Be(HttpStatusCode.OK);
        }

        await Task.Delay(TimeSpan.FromSeconds(6));
        using var stale = await GetWithCookieAsync(app, "/api/workflows", cookie);

        var problem = await stale.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().Should().Contain("sign in again");
    }

    public void Dispose()
    {
        Http.Dispose();
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }

    private HttpClient Http { get; } = new(new HttpClientHandler { UseCookies = false }) { Timeout = TimeSpan.FromSeconds(60) };

    private async Task<WebApplication> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var app = ServerFixture.CreateApp(_dataDir, settings);
        await app.StartAsync();
        return app;
    }

    private async Task<(string Cookie, string CsrfToken)> SignInAsync(WebApplication app, string user)
    {
        using var response = await Http.PostAsync(Url(app, "/api/session"), new StringContent(
            JsonSerializer.Serialize(new { user, password = TestUsers.PasswordOf(user) }), System.Text.Encoding.UTF8, "application/json"));
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return (SessionSignIn.SessionCookieOf(response)!, (await response.ReadJsonAsync()).GetProperty("csrfToken").GetString()!);
    }

    private Task<HttpResponseMessage> GetWithCookieAsync(WebApplication app, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, Url(app, path));
        request.Headers.Add("Cookie", cookie);
        return Http.SendAsync(request);
    }

    private static Uri Url(WebApplication app, string path) => new(new Uri(app.Urls.Single()), path);
}
