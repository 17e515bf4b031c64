using System.Net;
using System.Net.Http.Headers;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class AuthTests(ServerFixture server)
{
    public static TheoryData<string, string> EveryProtectedEndpoint => new()
    {
        { "GET", "/api/workflows" },
        { "POST", "/api/instances" },
        { "GET", "/api/instances" },
        { "GET", "/api/instances/some-id" },
        { "GET", "/api/instances/some-id/history" },
        { "GET", "/api/instances/some-id/stream" },
        { "POST", "/api/instances/some-id/events/go" },
        { "POST", "/api/instances/some-id/suspend" },
        { "POST", "/api/instances/some-id/resume" },
        { "POST", "/api/instances/some-id/terminate" },
        { "POST", "/api/instances/some-id/restart" },
        { "DELETE", "/api/instances/some-id" },
        { "GET", "/api/approvals" },
        { "GET", "/api/approvals/some-task" },
        { "POST", "/api/approvals/some-task/decision" },
        { "GET", "/api/usage" },
        { "GET", "/api/no-such-endpoint" },
    };

    [Fact]
    public async Task Health_Anonymous_IsOk()
    {
        using var response = await server.Client(null).GetAsync("/api/health");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("ok");
    }

    [Theory]
    [MemberData(nameof(EveryProtectedEndpoint))]
    public async Task Endpoint_WithoutKey_Is401Problem(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);

        using var response = await server.Client(null).SendAsync(request);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().Should().Contain("Bearer");
        response.Headers.WwwAuthenticate.Should().ContainSingle(h => h.Scheme == "Bearer");
    }

    [Fact]
    public async Task Endpoint_WithUnknownKey_Is401ProblemSayingTheKeyIsNotRecognised()
    {
        var client = server.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");

        using var response = await client.GetAsync("/api/workflows");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
        problem.GetProperty("detail").GetString().Should().Contain("not recognised");
    }

    [Fact]
    public async Task Endpoint_WithOtherScheme_Is401Problem()
    {
        var client = server.Client(null);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4=");

        using var response = await client.GetAsync("/api/workflows");

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StartInstance_AsViewer_Is403ProblemNamingTheRoles()
    {
        using var response = await server.Client(TestUsers.Viewer)
            .PostJsonAsync("/api/instances", """{ "workflow": "samples.sequence", "input": { "steps": 1 } }""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("detail").GetString().Should().Contain("developer").And.Contain("analyst").And.Contain("viewer");
    }

    [Fact]
    public async Task Purge_AsDeveloper_Is403Problem()
    {
        var developer = server.Client(TestUsers.Developer);
        var id = await developer.StartAsync("samples.sequence", new { steps = 0 });
        await developer.WaitForStatusAsync(id, "Completed");

        using var response = await developer.DeleteAsync($"/api/instances/{id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(TestUsers.Approver, "/api/instances/x/suspend")]
    [InlineData(TestUsers.Analyst, "/api/instances/x/events/go")]
    [InlineData(TestUsers.Viewer, "/api/instances/x/terminate")]
    public async Task Operation_WithoutDeveloperRole_Is403Problem(string user, string path)
    {
        using var response = await server.Client(user).PostAsync(path, content: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData(TestUsers.Viewer)]
    [InlineData(TestUsers.Developer)]
    [InlineData(TestUsers.Analyst)]
    [InlineData(TestUsers.Approver)]
    [InlineData(TestUsers.Admin)]
    public async Task Reads_WithAnyRole_AreAllowed(string user)
    {
        using var response = await server.Client(user).GetAsync("/api/instances?limit=1");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }
}
