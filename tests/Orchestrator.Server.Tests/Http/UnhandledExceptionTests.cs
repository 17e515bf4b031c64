using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Http;

/// <summary>
/// An exception nobody expected still ends as a problem+json 500 whose detail points to the log, never the exception's
/// text or stack, in Development (where ASP.NET Core would show its developer page) as elsewhere.
/// </summary>
public sealed class UnhandledExceptionTests : IDisposable
{
    private const string Secret = "connection string Password=hunter2 at /srv/secret/Startup.cs";

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-unhandled-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task Endpoint_Throwing_Is500ProblemWithoutTheExceptionsText(string environment)
    {
        await using var app = ServerFixture.CreateApp(_dataDir, environment: environment);
        ((IEndpointRouteBuilder)app).MapGet("/api/test-throws", string () => throw new InvalidOperationException(Secret)).AllowAnonymous();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/test-throws");
        request.Headers.Accept.ParseAdd("application/json");

        using var response = await http.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.InternalServerError);
        problem.GetProperty("detail").GetString().Should().Contain("log");
        body.Should().NotContain("hunter2").And.NotContain("InvalidOperationException").And.NotContain("   at ").And.NotContain(".cs");
        await app.StopAsync();
    }

    public void Dispose()
    {
        if (Directory.Exists(_dataDir))
        {
            Directory.Delete(_dataDir, recursive: true);
        }
    }
}
