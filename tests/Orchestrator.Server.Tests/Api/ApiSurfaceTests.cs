using System.Net;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ApiSurfaceTests(ServerFixture server)
{
    [Fact]
    public async Task Workflows_ListsTheSamplesWithVersionAndKind()
    {
        using var response = await server.Client(TestUsers.Viewer).GetAsync("/api/workflows");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        var names = items.Select(i => i.GetProperty("name").GetString()).ToList();
        names.Should().Contain(["samples.sequence", "samples.fan-out", "samples.wait-for-event"]);
        var sequence = items.Single(i => i.GetProperty("name").GetString() == "samples.sequence");
        sequence.GetProperty("version").GetString().Should().NotBeNullOrEmpty();
        sequence.GetProperty("kind").GetString().Should().Be("code");
        sequence.GetProperty("description").GetString().Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task UnknownApiRoute_WithKey_Is404Problem()
    {
        using var response = await server.Client(TestUsers.Viewer).GetAsync("/api/no-such-endpoint");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        problem.GetProperty("detail").GetString().Should().Contain("/openapi/v1.json");
    }

    [Fact]
    public async Task WrongMethod_Is405Problem()
    {
        using var response = await server.Client(TestUsers.Admin).PutAsync("/api/workflows", content: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/api/workflows")]
    [InlineData("/api/instances/unknown")]
    [InlineData("/scalar")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_HasSecurityHeaders(string path)
    {
        using var response = await server.Client(null).GetAsync(path);

        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
        response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
        response.Headers.GetValues("Content-Security-Policy").Single().Should().Contain("default-src 'self'");
    }

    [Theory]
    [InlineData(null, "/api/health")]
    [InlineData(null, "/api/workflows")]
    [InlineData(TestUsers.Viewer, "/api/instances")]
    [InlineData(TestUsers.Viewer, "/api/session")]
    [InlineData(TestUsers.Viewer, "/api/no-such-endpoint")]
    public async Task ApiResponse_IsNotCached(string? user, string path)
    {
        using var response = await server.Client(user).GetAsync(path);

        response.Headers.CacheControl!.NoStore.Should().BeTrue();
    }

    [Fact]
    public async Task OversizedBody_Is413ProblemWithSecurityHeadersAndWritesNothing()
    {
        var id = "big-" + Guid.NewGuid().ToString("N");
        var body = System.Text.Json.JsonSerializer.Serialize(new { workflow = "samples.sequence", instanceId = id, input = new { steps = 0, pad = new string('x', 1024 * 1024) } });

        using var response = await server.Client(TestUsers.Developer).PostJsonAsync("/api/instances", body);

        await response.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        using var lookup = await server.Client(TestUsers.Viewer).GetAsync($"/api/instances/{id}");
        lookup.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApiDocument_Anonymous_DescribesTheInstanceApprovalAndUsageEndpoints()
    {
        using var response = await server.Client(null).GetAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        paths.TryGetProperty("/api/instances", out _).Should().BeTrue();
        paths.TryGetProperty("/api/instances/{id}/stream", out _).Should().BeTrue();
        paths.TryGetProperty("/api/approvals/{taskId}/decision", out _).Should().BeTrue();
        paths.TryGetProperty("/api/usage", out _).Should().BeTrue();
    }

    [Fact]
    public async Task ApiReferenceUi_Anonymous_IsServed()
    {
        using var response = await server.Client(null).GetAsync("/scalar/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/html");
    }
}
