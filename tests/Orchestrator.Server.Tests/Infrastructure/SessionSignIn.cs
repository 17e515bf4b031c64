using System.Net;
using System.Text.Json;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>Signs in through <c>POST /api/session</c> like the web UI, and reads the session cookie from the answer.</summary>
public static class SessionSignIn
{
    public static async Task<CookieSession> SignInAsync(this ServerFixture server, string user)
    {
        using var response = await server.CookielessClient().PostJsonAsync(
            "/api/session", JsonSerializer.Serialize(new { user, password = TestUsers.PasswordOf(user) }));
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var cookie = SessionCookieOf(response) ?? throw new InvalidOperationException("The sign-in set no orch_session cookie.");
        var client = server.CookielessClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return new CookieSession(client, cookie, (await response.ReadJsonAsync()).GetProperty("csrfToken").GetString()!);
    }

    /// <summary>The <c>Set-Cookie</c> header for <c>orch_session</c>, or null.</summary>
    public static string? SetCookieHeader(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith("orch_session=", StringComparison.Ordinal)) : null;

    /// <summary>The <c>orch_session=value</c> pair a browser would send back, or null.</summary>
    public static string? SessionCookieOf(HttpResponseMessage response) => SetCookieHeader(response)?.Split(';')[0];
}
