using System.Net;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>
/// Every endpoint of the API for every kind of caller: anonymous gets 401 (but for health and signing in and out),
/// a role without the call's policy 403, anyone else an answer from the endpoint itself; admin may do everything.
/// </summary>
[Collection(ServerCollection.Name)]
public sealed class RoleMatrixTests(ServerFixture server)
{
    private const string Anonymous = "anonymous";

    private static readonly string[] Everyone = [Anonymous, TestUsers.Viewer, TestUsers.Developer, TestUsers.Analyst, TestUsers.Approver, TestUsers.Admin];
    private static readonly string[] AnyRole = [TestUsers.Viewer, TestUsers.Developer, TestUsers.Analyst, TestUsers.Approver, TestUsers.Admin];

    /// <summary>Each endpoint with the callers it admits.</summary>
    private static readonly (string Method, string Path, string[] Allowed)[] Endpoints =
    [
        ("GET", "/api/health", Everyone),
        ("POST", "/api/session", Everyone),
        ("DELETE", "/api/session", Everyone),
        ("GET", "/api/session", AnyRole),
        ("GET", "/api/workflows", AnyRole),
        ("GET", "/api/definitions", AnyRole),
        ("GET", "/api/definitions/matrix-flow", AnyRole),
        ("GET", "/api/definitions/matrix-flow/export", AnyRole),
        ("POST", "/api/definitions", [TestUsers.Analyst, TestUsers.Admin]),
        ("POST", "/api/definitions/validate", [TestUsers.Analyst, TestUsers.Admin]),
        ("POST", "/api/definitions/import", [TestUsers.Analyst, TestUsers.Admin]),
        ("POST", "/api/definitions/matrix-flow/publish", [TestUsers.Analyst, TestUsers.Admin]),
        ("GET", "/api/models", AnyRole),
        ("GET", "/api/tools", AnyRole),
        ("GET", "/api/agents", AnyRole),
        ("GET", "/api/principals", AnyRole),
        ("GET", "/api/instances", AnyRole),
        ("GET", "/api/instances?parent=matrix-id", AnyRole),
        ("GET", "/api/instances/matrix-id", AnyRole),
        ("GET", "/api/instances/matrix-id/history", AnyRole),
        ("GET", "/api/instances/matrix-id/stream", AnyRole),
        ("GET", "/api/usage", AnyRole),
        ("GET", "/api/usage?interval=day", AnyRole),
        ("POST", "/api/instances", [TestUsers.Developer, TestUsers.Analyst, TestUsers.Admin]),
        ("POST", "/api/instances/matrix-id/events/go", [TestUsers.Developer, TestUsers.Admin]),
        ("POST", "/api/instances/matrix-id/suspend", [TestUsers.Developer, TestUsers.Admin]),
        ("POST", "/api/instances/matrix-id/resume", [TestUsers.Developer, TestUsers.Admin]),
        ("POST", "/api/instances/matrix-id/terminate", [TestUsers.Developer, TestUsers.Admin]),
        ("POST", "/api/instances/matrix-id/restart", [TestUsers.Developer, TestUsers.Admin]),
        ("DELETE", "/api/instances/matrix-id", [TestUsers.Admin]),
        ("GET", "/api/approvals", [TestUsers.Approver, TestUsers.Admin]),
        ("GET", "/api/approvals/stream", [TestUsers.Approver, TestUsers.Admin]),
        ("GET", "/api/approvals/matrix-task", [TestUsers.Approver, TestUsers.Admin]),
        ("POST", "/api/approvals/matrix-task/decision", [TestUsers.Approver, TestUsers.Admin]),
        ("GET", "/api/audit", [TestUsers.Admin]),
        ("GET", "/api/audit/verify", [TestUsers.Admin]),
    ];

    public static TheoryData<string, string, string> Matrix()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var (method, path, _) in Endpoints)
        {
            foreach (var caller in Everyone)
            {
                data.Add(method, path, caller);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Endpoint_ForCaller_IsAllowedOrRefusedByRole(string method, string path, string caller)
    {
        var allowed = Endpoints.Single(e => e.Method == method && e.Path == path).Allowed.Contains(caller);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        // Streams answer with their headers at once; the test reads no further.
        using var response = await server.Client(caller == Anonymous ? null : caller)
            .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);

        if (allowed)
        {
            response.StatusCode.Should().NotBe(HttpStatusCode.Unauthorized).And.NotBe(HttpStatusCode.Forbidden);
            ((int)response.StatusCode).Should().BeLessThan(500);
        }
        else
        {
            await response.ShouldBeProblemAsync(caller == Anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public void Matrix_CoversEveryMappedApiEndpoint()
    {
        var mapped = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Routing.EndpointDataSource>(server.Services)
            .Endpoints.OfType<Microsoft.AspNetCore.Routing.RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => m + " " + e.RoutePattern.RawText))
            .ToHashSet();
        var covered = Endpoints
            .Select(e => e.Method + " " + Template(e.Path.Split('?')[0]))
            .ToHashSet();

        mapped.Should().Contain("GET /api/approvals/stream").And.HaveCountGreaterThan(20);
        mapped.Should().BeSubsetOf(covered);
    }

    private static string Template(string path) => path
        .Replace("/matrix-id", "/{id}", StringComparison.Ordinal)
        .Replace("/matrix-task", "/{taskId}", StringComparison.Ordinal)
        .Replace("/matrix-flow", "/{definitionId}", StringComparison.Ordinal)
        .Replace("/events/go", "/events/{name}", StringComparison.Ordinal);
}
