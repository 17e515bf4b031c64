using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Http;

/// <summary>Requests Kestrel refuses before any middleware runs still get a problem+json answer, like every other error.</summary>
[Collection(ServerCollection.Name)]
public sealed class KestrelRejectionTests(ServerFixture server)
{
    public static TheoryData<string, int, string> Malformed => new()
    {
        { "GET /api/instances/a%00b HTTP/1.1\r\nHost: x\r\n\r\n", 400, "NUL" },
        { "GET /api/" + new string('a', 20_000) + " HTTP/1.1\r\nHost: x\r\n\r\n", 414, "request line" },
        { "GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + new string('a', 40_000) + "\r\n\r\n", 431, "headers" },
        { "GET /api/health HTTP/1.1\r\nHost: x\r\nBad Header: v\r\n\r\n", 400, "header" },
        { "GARBAGE\r\n\r\n", 400, "request line" },
        { "POST /api/session HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n", 400, "not valid HTTP" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedRequest_IsProblemJsonWithAnActionableDetail(string request, int status, string detailMentions)
    {
        var answer = await RawHttp.SendAsync(server.BaseAddress, request);

        var (head, body) = Split(answer);
        head.Should().StartWith($"HTTP/1.1 {status} ");
        head.Should().Contain("Content-Type: application/problem+json").And.Contain($"Content-Length: {body.Length}");
        var problem = JsonSerializer.Deserialize<JsonElement>(body);
        problem.GetProperty("status").GetInt32().Should().Be(status);
        problem.GetProperty("title").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("type").GetString().Should().NotBeNullOrEmpty();
        problem.GetProperty("detail").GetString().Should().Contain(detailMentions);
    }

    [Fact]
    public async Task MalformedRequest_AfterAGoodOneOnTheSameConnection_LeavesTheGoodAnswerAsItWas()
    {
        var answer = await RawHttp.SendAsync(
            server.BaseAddress, "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\nGET /a%00 HTTP/1.1\r\nHost: x\r\n\r\n");

        answer.Should().StartWith("HTTP/1.1 200 OK").And.Contain("{\"status\":\"ok\"}");
        var second = answer[answer.IndexOf("HTTP/1.1 400", StringComparison.Ordinal)..];
        JsonSerializer.Deserialize<JsonElement>(Split(second).Body).GetProperty("status").GetInt32().Should().Be(400);
    }

    [Fact]
    public async Task GoodRequests_KeepAlive_AreAnsweredUnchanged()
    {
        using var http = server.Client(TestUsers.Viewer);

        for (var i = 0; i < 3; i++)
        {
            using var response = await http.GetAsync("/api/health");
            (await response.Content.ReadAsStringAsync()).Should().Be("{\"status\":\"ok\"}");
        }

        using var missing = await http.GetAsync("/api/instances/no-such-instance");
        await missing.ShouldBeProblemAsync(System.Net.HttpStatusCode.NotFound);
    }

    private static (string Head, string Body) Split(string answer)
    {
        var end = answer.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        end.Should().BePositive(answer);
        return (answer[..end], answer[(end + 4)..]);
    }
}
