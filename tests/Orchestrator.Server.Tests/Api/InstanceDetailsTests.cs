using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class InstanceDetailsTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);

    [Fact]
    public async Task Get_CompletedInstance_EmbedsJsonValuesAndHasEveryField()
    {
        var id = await _developer.StartAsync("samples.sequence", new { steps = 2 }, new { team = "ops" });
        await _developer.WaitForStatusAsync(id, "Completed");

        using var response = await server.Client(TestUsers.Viewer).GetAsync($"/api/instances/{id}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var instance = await response.ReadJsonAsync();
        instance.GetProperty("instanceId").GetString().Should().Be(id);
        instance.GetProperty("workflow").GetString().Should().Be("samples.sequence");
        instance.GetProperty("status").GetString().Should().Be("Completed");
        instance.GetProperty("input").GetProperty("steps").GetInt32().Should().Be(2);
        instance.GetProperty("output").GetProperty("completed").GetInt32().Should().Be(2);
        instance.GetProperty("error").ValueKind.Should().Be(JsonValueKind.Null);
        instance.GetProperty("startedBy").GetString().Should().Be(TestUsers.Developer);
        instance.GetProperty("parentInstanceId").ValueKind.Should().Be(JsonValueKind.Null);
        instance.GetProperty("tags").GetProperty("team").GetString().Should().Be("ops");
        instance.GetProperty("createdAt").GetString().Should().EndWith("Z");
        var usage = instance.GetProperty("usage");
        usage.GetProperty("inputTokens").GetInt64().Should().Be(0);
        usage.GetProperty("cachedInputTokens").GetInt64().Should().Be(0);
        usage.GetProperty("outputTokens").GetInt64().Should().Be(0);
        usage.GetProperty("costUsd").GetDecimal().Should().Be(0);
        foreach (var field in new[] { "version", "customStatus", "updatedAt" })
        {
            instance.TryGetProperty(field, out _).Should().BeTrue(field);
        }
    }

    [Fact]
    public async Task Get_FailedInstance_HasErrorWithTypeAndMessage()
    {
        var id = await _developer.StartAsync("samples.sequence", new { steps = -1 });

        var instance = await _developer.WaitForStatusAsync(id, "Failed");

        var error = instance.GetProperty("error");
        error.GetProperty("type").GetString().Should().NotBeNullOrEmpty();
        error.GetProperty("message").GetString().Should().Contain("steps");
        error.TryGetProperty("stackTrace", out _).Should().BeFalse("stack traces stay in the log");
    }

    [Fact]
    public async Task Get_WaitingInstance_EmbedsCustomStatus()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");

        var instance = await _developer.WaitForStatusAsync(id, "Running");

        instance.GetProperty("customStatus").GetProperty("stage").GetString().Should().Be("waiting-for-go");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/history")]
    public async Task Get_UnknownInstance_Is404Problem(string suffix)
    {
        using var response = await _developer.GetAsync($"/api/instances/no-such-instance{suffix}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }
}
