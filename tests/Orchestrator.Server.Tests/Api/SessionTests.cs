using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class SessionTests(ServerFixture server)
{
    [Fact]
    public async Task SignIn_WithPassword_SetsAnHttpOnlyStrictCookieAndReturnsUserRolesAndCsrfToken()
    {
        using var response = await server.CookielessClient().PostJsonAsync(
            "/api/session", Credentials(TestUsers.Approver, TestUsers.PasswordOf(TestUsers.Approver)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("user").GetString().Should().Be(TestUsers.Approver);
        body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("approver");
        body.GetProperty("csrfToken").GetString().Should().NotBeNullOrWhiteSpace();
        var setCookie = SessionSignIn.SetCookieHeader(response)!;
        setCookie.Should().NotBeNull();
        var attributes = setCookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
        attributes.Should().Contain("httponly").And.Contain("samesite=strict").And.Contain("path=/");
        attributes.Should().NotContain(a => a.StartsWith("expires", StringComparison.Ordinal) || a.StartsWith("max-age", StringComparison.Ordinal));
        setCookie.Should().NotContain(TestUsers.PasswordOf(TestUsers.Approver)).And.NotContain(TestUsers.KeyOf(TestUsers.Approver));
    }

    [Fact]
    public async Task SignIn_WithApiKey_SignsInTheKeysUser()
    {
        using var response = await server.CookielessClient().PostJsonAsync(
            "/api/session", JsonSerializer.Serialize(new { apiKey = TestUsers.KeyOf(TestUsers.Developer) }));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("user").GetString().Should().Be(TestUsers.Developer);
        SessionSignIn.SessionCookieOf(response).Should().NotBeNull();
    }

    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUserOrWrongKey_Is401WithOneMessageAndNoCookie()
    {
        var client = server.CookielessClient();

        using var wrongPassword = await client.PostJsonAsync("/api/session", Credentials(TestUsers.Analyst, "not-the-password"));
        using var unknownUser = await client.PostJsonAsync("/api/session", Credentials("nobody", "whatever"));
        using var wrongKey = await client.PostJsonAsync("/api/session", """{ "apiKey": "not-a-key" }""");

        var details = new List<string?>();
        foreach (var response in new[] { wrongPassword, unknownUser, wrongKey })
        {
            details.Add((await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized)).GetProperty("detail").GetString());
            SessionSignIn.SetCookieHeader(response).Should().BeNull();
        }

        details.Distinct().Should().ContainSingle();
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{ "user": "viewer" }""")]
    [InlineData("""{ "password": "x" }""")]
    [InlineData("""{ "user": "viewer", "password": "x", "apiKey": "y" }""")]
    [InlineData("[]")]
    public async Task SignIn_IncompleteBody_Is400Problem(string body)
    {
        using var response = await server.CookielessClient().PostJsonAsync("/api/session", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_Is429EvenWithTheRightPassword()
    {
        var client = server.CookielessClient();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await client.PostJsonAsync("/api/session", Credentials(TestUsers.Throttled, "guess-" + i));
            failed.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        }

        using var response = await client.PostJsonAsync("/api/session", Credentials(TestUsers.Throttled, TestUsers.PasswordOf(TestUsers.Throttled)));

        await response.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter!.Delta.Should().BePositive();
        SessionSignIn.SetCookieHeader(response).Should().BeNull();
    }

    [Fact]
    public async Task GetSession_WithCookie_ReturnsTheUserAndTheSameCsrfToken()
    {
        var session = await server.SignInAsync(TestUsers.Viewer);

        using var response = await session.Client.GetAsync("/api/session");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("user").GetString().Should().Be(TestUsers.Viewer);
        body.GetProperty("csrfToken").GetString().Should().Be(session.CsrfToken);
    }

    [Fact]
    public async Task GetSession_WithBearerKey_HasNoCsrfToken()
    {
        using var response = await server.Client(TestUsers.Analyst).GetAsync("/api/session");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var body = await response.ReadJsonAsync();
        body.GetProperty("user").GetString().Should().Be(TestUsers.Analyst);
        body.GetProperty("roles").EnumerateArray().Select(r => r.GetString()).Should().Equal("analyst");
        body.GetProperty("csrfToken").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public async Task GetSession_Anonymous_Is401Problem()
    {
        using var response = await server.CookielessClient().GetAsync("/api/session");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CookieRequest_PostWithoutCsrfToken_Is403ProblemAndStartsNothing()
    {
        var session = await server.SignInAsync(TestUsers.Developer);
        var id = "csrf-" + Guid.NewGuid().ToString("N");

        using var response = await session.Client.PostJsonAsync("/api/instances", StartBody(id));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("detail").GetString().Should().Contain("X-CSRF-Token");
        using var lookup = await server.Client(TestUsers.Viewer).GetAsync($"/api/instances/{id}");
        lookup.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CookieRequest_PostWithAnotherSessionsCsrfToken_Is403Problem()
    {
        var session = await server.SignInAsync(TestUsers.Developer);
        var other = await server.SignInAsync(TestUsers.Developer);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/instances/x/suspend");
        request.Headers.Add("X-CSRF-Token", other.CsrfToken);
        using var response = await session.Client.SendAsync(request);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        other.CsrfToken.Should().NotBe(session.CsrfToken);
    }

    [Fact]
    public async Task CookieRequest_PostWithCsrfToken_RunsAsTheSignedInUser()
    {
        var session = await server.SignInAsync(TestUsers.Developer);
        var id = "csrf-" + Guid.NewGuid().ToString("N");

        using var response = await session.SendWithTokenAsync(HttpMethod.Post, "/api/instances", StartBody(id));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var instance = await server.Client(TestUsers.Viewer).WaitForStatusAsync(id, "Completed");
        instance.GetProperty("startedBy").GetString().Should().Be(TestUsers.Developer);
    }

    [Fact]
    public async Task BearerRequest_WithoutCsrfToken_IsAllowedEvenWithACookie()
    {
        var session = await server.SignInAsync(TestUsers.Viewer);
        var client = server.CookielessClient();
        client.DefaultRequestHeaders.Add("Cookie", session.Cookie);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestUsers.KeyOf(TestUsers.Developer));
        var id = "bearer-" + Guid.NewGuid().ToString("N");

        using var response = await client.PostJsonAsync("/api/instances", StartBody(id));

        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData(TestUsers.Viewer, "GET", "/api/approvals", HttpStatusCode.Forbidden)]
    [InlineData(TestUsers.Approver, "GET", "/api/approvals", HttpStatusCode.OK)]
    [InlineData(TestUsers.Viewer, "POST", "/api/instances", HttpStatusCode.Forbidden)]
    [InlineData(TestUsers.Approver, "DELETE", "/api/instances/no-such-instance", HttpStatusCode.Forbidden)]
    [InlineData(TestUsers.Admin, "DELETE", "/api/instances/no-such-instance", HttpStatusCode.NotFound)]
    public async Task CookieRequest_RolesComeFromConfigurationLikeForKeys(string user, string method, string path, HttpStatusCode expected)
    {
        var session = await server.SignInAsync(user);

        using var response = await session.SendWithTokenAsync(new HttpMethod(method), path, method == "POST" ? StartBody("r-" + Guid.NewGuid().ToString("N")) : null);

        response.StatusCode.Should().Be(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignOut_WithCsrfToken_ClearsTheCookieAndEndsTheSessionForGood()
    {
        var session = await server.SignInAsync(TestUsers.Viewer);

        using var response = await session.SendWithTokenAsync(HttpMethod.Delete, "/api/session");

        response.StatusCode.Should().Be(HttpStatusCode.NoContent);
        SessionSignIn.SetCookieHeader(response).Should().Contain("expires=Thu, 01 Jan 1970");
        using var after = await session.Client.GetAsync("/api/session");
        var problem = await after.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().Should().Contain("session has ended");
    }

    [Fact]
    public async Task SignOut_WithoutCsrfToken_Is403AndTheSessionStays()
    {
        var session = await server.SignInAsync(TestUsers.Viewer);

        using var response = await session.Client.DeleteAsync("/api/session");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        using var after = await session.Client.GetAsync("/api/session");
        after.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("orch_session=forged")]
    [InlineData("orch_session=eyJVIjoiYWRtaW4iLCJTIjoieCIsIlQiOjQxMDI0NDQ4MDAwMDB9.AAAA")]
    public async Task CookieRequest_WithForgedCookie_Is401Problem(string cookie)
    {
        var client = server.CookielessClient();
        client.DefaultRequestHeaders.Add("Cookie", cookie);

        using var response = await client.GetAsync("/api/workflows");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CookieRequest_WithTamperedUserName_Is401Problem()
    {
        var session = await server.SignInAsync(TestUsers.Viewer);
        var value = session.Cookie["orch_session=".Length..];
        var dot = value.IndexOf('.', StringComparison.Ordinal);
        var payload = System.Buffers.Text.Base64Url.DecodeFromChars(value.AsSpan(0, dot));
        var forged = System.Text.Encoding.UTF8.GetString(payload).Replace("\"viewer\"", "\"admin\"", StringComparison.Ordinal);
        var client = server.CookielessClient();
        client.DefaultRequestHeaders.Add(
            "Cookie", "orch_session=" + System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(forged)) + value[dot..]);

        using var response = await client.GetAsync("/api/session");

        forged.Should().Contain("\"admin\"");
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static string Credentials(string user, string password) => JsonSerializer.Serialize(new { user, password });

    private static string StartBody(string id) =>
        JsonSerializer.Serialize(new { workflow = "samples.sequence", input = new { steps = 0 }, instanceId = id });
}
