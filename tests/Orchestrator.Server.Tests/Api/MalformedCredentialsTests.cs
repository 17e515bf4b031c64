using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>A garbled session cookie or CSRF header is no session and no token: never a 500, on any endpoint.</summary>
[Collection(ServerCollection.Name)]
public sealed class MalformedCredentialsTests(ServerFixture server)
{
    public static TheoryData<string> MalformedCookies => new()
    {
        "a.b",
        "a",
        ".",
        "a===.b",
        "%00%ff.%zz",
        "eyJVIjoiYWRtaW4ifQ.not-base64!",
        new string('A', 3000) + "." + new string('B', 1000),
    };

    [Theory]
    [MemberData(nameof(MalformedCookies))]
    public async Task Health_WithMalformedCookie_IsOk(string value)
    {
        using var response = await WithCookie(value).GetAsync("/api/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(MalformedCookies))]
    public async Task SignIn_WithMalformedCookie_SignsIn(string value)
    {
        using var response = await WithCookie(value).PostJsonAsync(
            "/api/session", JsonSerializer.Serialize(new { user = TestUsers.Viewer, password = TestUsers.PasswordOf(TestUsers.Viewer) }));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(MalformedCookies))]
    public async Task ProtectedEndpoint_WithMalformedCookie_Is401Problem(string value)
    {
        using var response = await WithCookie(value).GetAsync("/api/workflows");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("a.b")]
    [InlineData("not base64!")]
    [InlineData("====")]
    public async Task CookieRequest_WithMalformedCsrfHeader_Is403Problem(string token)
    {
        var session = await server.SignInAsync(TestUsers.Developer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances/x/suspend");
        request.Headers.TryAddWithoutValidation("X-CSRF-Token", token);

        using var response = await session.Client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    private HttpClient WithCookie(string value)
    {
        var client = server.CookielessClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Cookie", "orch_session=" + value);
        return client;
    }
}
