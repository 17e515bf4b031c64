using System.Net;
using Orchestrator.Cli.Api;

namespace Orchestrator.Cli.Tests.Api;

public class OrchestratorApiExceptionTests
{
    [Fact]
    public void FromResponse_ProblemWithDetail_UsesTheDetail()
    {
        const string body = """{"type":"about:blank","title":"Conflict","status":409,"detail":"Instance 'a' is Completed and cannot be suspended."}""";

        var error = OrchestratorApiException.FromResponse(HttpStatusCode.Conflict, "Conflict", "application/problem+json", body, "POST api/instances/a/suspend");

        error.StatusCode.Should().Be(HttpStatusCode.Conflict);
        error.Message.Should().Be("Instance 'a' is Completed and cannot be suspended.");
        error.Title.Should().Be("Conflict");
    }

    [Fact]
    public void FromResponse_ProblemWithoutDetail_UsesTitleAndStatus()
    {
        var error = OrchestratorApiException.FromResponse(HttpStatusCode.Forbidden, "Forbidden", "application/problem+json", """{"title":"Missing role"}""", "GET api/x");

        error.Message.Should().Be("Missing role (403 Forbidden)");
    }

    [Theory]
    [InlineData("text/html", "<h1>Bad gateway</h1>")]
    [InlineData("application/json", "{not json")]
    [InlineData(null, "")]
    public void FromResponse_NoUsableProblem_UsesTheStatusLine(string? mediaType, string body)
    {
        var error = OrchestratorApiException.FromResponse(HttpStatusCode.BadGateway, "Bad Gateway", mediaType, body, "GET api/workflows");

        error.Message.Should().Be("GET api/workflows: 502 Bad Gateway");
    }
}
