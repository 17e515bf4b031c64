using System.Net;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class OperationTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);
    private readonly HttpClient _admin = server.Client(TestUsers.Admin);

    [Fact]
    public async Task SuspendThenResume_Are202AndTheInstanceStillCompletes()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");
        await _developer.WaitForStatusAsync(id, "Running");

        using var suspend = await _developer.PostAsync($"/api/instances/{id}/suspend", content: null);
        await _developer.WaitForStatusAsync(id, "Suspended");
        using var resume = await _developer.PostJsonAsync($"/api/instances/{id}/resume", """{ "reason": "checked" }""");
        await _developer.WaitForStatusAsync(id, "Running");
        using var go = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", "1");

        suspend.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var accepted = await suspend.ReadJsonAsync();
        accepted.GetProperty("instanceId").GetString().Should().Be(id);
        accepted.GetProperty("status").GetString().Should().NotBeNullOrEmpty();
        resume.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await _developer.WaitForStatusAsync(id, "Completed");
        var history = await (await _developer.GetAsync($"/api/instances/{id}/history")).ReadJsonAsync();
        history.GetProperty("steps").EnumerateArray()
            .Where(s => s.GetProperty("kind").GetString() == "operation")
            .Select(s => s.GetProperty("name").GetString())
            .Should().Equal("suspend", "resume");
    }

    [Fact]
    public async Task Terminate_WithReason_Is202AndEndsTerminated()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");

        using var response = await _developer.PostJsonAsync($"/api/instances/{id}/terminate", """{ "reason": "no longer needed" }""");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await _developer.WaitForStatusAsync(id, "Terminated");
    }

    [Fact]
    public async Task Terminate_WithUnknownBodyField_Is400Problem()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");

        using var response = await _developer.PostJsonAsync($"/api/instances/{id}/terminate", """{ "why": "typo" }""");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("reason");
    }

    [Fact]
    public async Task Terminate_FinishedInstance_Is409Problem()
    {
        var id = await _developer.StartAsync("samples.sequence", new { steps = 0 });
        await _developer.WaitForStatusAsync(id, "Completed");

        using var response = await _developer.PostAsync($"/api/instances/{id}/terminate", content: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Restart_FailedInstance_Is202()
    {
        var id = await _developer.StartAsync("samples.sequence", new { steps = -1 });
        await _developer.WaitForStatusAsync(id, "Failed");

        using var response = await _developer.PostAsync($"/api/instances/{id}/restart", content: null);

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await response.ReadJsonAsync()).GetProperty("instanceId").GetString().Should().Be(id);
    }

    [Fact]
    public async Task Restart_RunningInstance_Is409Problem()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");
        await _developer.WaitForStatusAsync(id, "Running");

        using var response = await _developer.PostAsync($"/api/instances/{id}/restart", content: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory]
    [InlineData("suspend")]
    [InlineData("resume")]
    [InlineData("terminate")]
    [InlineData("restart")]
    public async Task Operation_UnknownInstance_Is404Problem(string operation)
    {
        using var response = await _developer.PostAsync($"/api/instances/no-such-instance/{operation}", content: null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Purge_FinishedInstance_Is204AndThenItIsGone()
    {
        var id = await _developer.StartAsync("samples.sequence", new { steps = 1 });
        await _developer.WaitForStatusAsync(id, "Completed");

        using var purge = await _admin.DeleteAsync($"/api/instances/{id}");
        using var lookup = await _admin.GetAsync($"/api/instances/{id}");
        using var again = await _admin.DeleteAsync($"/api/instances/{id}");

        purge.StatusCode.Should().Be(HttpStatusCode.NoContent);
        await lookup.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await again.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Purge_RunningInstance_Is409Problem()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");

        using var response = await _admin.DeleteAsync($"/api/instances/{id}");

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
    }
}
