using System.Net;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class RaiseEventTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);

    [Fact]
    public async Task RaiseGo_OnWaitingInstance_Is202AndCompletesItWithThePayload()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");
        await _developer.WaitForStatusAsync(id, "Running");

        using var response = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", """{ "approved": true, "items": [1, 2] }""");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var accepted = await response.ReadJsonAsync();
        accepted.GetProperty("instanceId").GetString().Should().Be(id);
        accepted.GetProperty("event").GetString().Should().Be("go");
        var output = (await _developer.WaitForStatusAsync(id, "Completed")).GetProperty("output");
        output.GetProperty("approved").GetBoolean().Should().BeTrue();
        output.GetProperty("items").GetArrayLength().Should().Be(2);
    }

    [Fact]
    public async Task RaiseGo_WithEmptyBody_CompletesWithNullPayload()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");

        using var response = await _developer.PostAsync($"/api/instances/{id}/events/go", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await _developer.WaitForStatusAsync(id, "Completed");
    }

    [Fact]
    public async Task RaiseEvent_WithMalformedJson_Is400Problem()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");

        using var response = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", "{ nope");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task RaiseEvent_UnknownInstance_Is404Problem()
    {
        using var response = await _developer.PostJsonAsync("/api/instances/no-such-instance/events/go", "{}");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RaiseEvent_FinishedInstance_Is409Problem()
    {
        var id = await _developer.StartAsync("samples.sequence", new { steps = 0 });
        await _developer.WaitForStatusAsync(id, "Completed");

        using var response = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", "{}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
