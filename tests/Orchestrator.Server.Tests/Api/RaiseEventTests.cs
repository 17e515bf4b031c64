using System.Globalization;
using System.Net;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class RaiseEventTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);
    private readonly HttpClient _approver = server.Client(TestUsers.Approver);
    private readonly HttpClient _admin = server.Client(TestUsers.Admin);

    [Theory]
    [InlineData("approval:{0}")]
    [InlineData("Approval:{0}")]
    [InlineData("orchestrator:{0}")]
    public async Task RaiseEvent_ReservedName_Is403NamingTheDecisionEndpointAuditedAndTheApprovalStaysOpen(string pattern)
    {
        var approval = await server.CreateAsync(["role:approver"]);
        var name = string.Format(CultureInfo.InvariantCulture, pattern, approval.TaskId);

        using var forged = await _developer.PostJsonAsync(
            $"/api/instances/{approval.InstanceId}/events/{Uri.EscapeDataString(name)}",
            $$"""{ "taskId": "{{approval.TaskId}}", "status": "Approved", "decidedBy": "{{TestUsers.Approver}}" }""");

        var problem = await forged.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        if (pattern.StartsWith("approval", StringComparison.OrdinalIgnoreCase))
        {
            problem.GetProperty("detail").GetString().Should().Contain("POST /api/approvals/{taskId}/decision");
        }

        using var audit = await _admin.GetAsync($"/api/audit?limit=50&instanceId={approval.InstanceId}&action=instance.event");
        var record = (await audit.ReadJsonAsync()).GetProperty("items").EnumerateArray().Should().ContainSingle().Subject;
        record.GetProperty("outcome").GetString().Should().Be("forbidden");
        record.GetProperty("actor").GetString().Should().Be("user:" + TestUsers.Developer);

        await Task.Delay(300);
        (await (await _developer.GetAsync($"/api/instances/{approval.InstanceId}")).ReadJsonAsync())
            .GetProperty("status").GetString().Should().Be("Running");
        using (var task = await _approver.GetAsync($"/api/approvals/{approval.TaskId}"))
        {
            (await task.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("pending");
        }

        using var decided = await _approver.PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", """{ "decision": "reject" }""");
        decided.StatusCode.Should().Be(HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());
        var output = (await _developer.WaitForStatusAsync(approval.InstanceId, "Completed")).GetProperty("output");
        output.GetProperty("decidedBy").GetString().Should().Be(TestUsers.Approver);
        output.GetProperty("status").GetString().Should().Be("Rejected");
    }

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
