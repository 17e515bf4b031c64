using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ApprovalDecisionTests(ServerFixture server)
{
    private const string Approve = """{ "decision": "approve" }""";

    private readonly HttpClient _approver = server.Client(TestUsers.Approver);

    [Fact]
    public async Task Decide_Approve_Is200WithTheDecidedTaskAndWakesTheWaitingInstance()
    {
        var approval = await server.CreateAsync(["role:approver"]);

        using var response = await _approver.PostJsonAsync(
            $"/api/approvals/{approval.TaskId}/decision",
            """{ "decision": "approve", "comment": "ok, but less", "edits": { "amount": 100 } }""");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var task = await response.ReadJsonAsync();
        task.GetProperty("taskId").GetString().Should().Be(approval.TaskId);
        task.GetProperty("status").GetString().Should().Be("approved");
        task.GetProperty("decidedBy").GetString().Should().Be(TestUsers.Approver);
        task.GetProperty("decidedAt").GetString().Should().EndWith("Z");
        task.GetProperty("comment").GetString().Should().Be("ok, but less");
        task.GetProperty("edits").GetProperty("amount").GetInt32().Should().Be(100);

        // The workflow waits for approval:<taskId> and returns that event's payload: the decision.
        var instance = await _approver.WaitForStatusAsync(approval.InstanceId, "Completed");
        var decision = instance.GetProperty("output");
        decision.GetProperty("taskId").GetString().Should().Be(approval.TaskId);
        decision.GetProperty("status").GetString().Should().Be("Approved");
        decision.GetProperty("decidedBy").GetString().Should().Be(TestUsers.Approver);
        decision.GetProperty("comment").GetString().Should().Be("ok, but less");
        JsonDocument.Parse(decision.GetProperty("editsJson").GetString()!).RootElement.GetProperty("amount").GetInt32().Should().Be(100);

        using var history = await _approver.GetAsync($"/api/instances/{approval.InstanceId}/history");
        (await history.ReadJsonAsync()).GetProperty("steps").EnumerateArray()
            .Should().ContainSingle(s => s.GetProperty("kind").GetString() == "event")
            .Which.GetProperty("name").GetString().Should().Be("approval:" + approval.TaskId);
    }

    [Fact]
    public async Task Decide_Twice_SecondIs409ProblemSayingWhoDecided()
    {
        var approval = await server.CreateAsync(["role:approver"]);
        using var first = await _approver.PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", """{ "decision": "reject" }""");

        using var second = await server.Client(TestUsers.SecondApprover).PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", Approve);

        first.StatusCode.Should().Be(HttpStatusCode.OK);
        (await first.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("rejected");
        var problem = await second.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("rejected").And.Contain(TestUsers.Approver);
        var instance = await _approver.WaitForStatusAsync(approval.InstanceId, "Completed");
        instance.GetProperty("output").GetProperty("status").GetString().Should().Be("Rejected");
    }

    [Fact]
    public async Task Decide_TwoApproversRacing_ExactlyOneWinsAndTheOtherGets409()
    {
        var approval = await server.CreateAsync(["role:approver"]);
        var path = $"/api/approvals/{approval.TaskId}/decision";

        var responses = await Task.WhenAll(
            _approver.PostJsonAsync(path, Approve),
            server.Client(TestUsers.SecondApprover).PostJsonAsync(path, """{ "decision": "reject" }"""));

        try
        {
            responses.Select(r => r.StatusCode).Should().BeEquivalentTo([HttpStatusCode.OK, HttpStatusCode.Conflict]);
            var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ReadJsonAsync();
            var instance = await _approver.WaitForStatusAsync(approval.InstanceId, "Completed");
            instance.GetProperty("output").GetProperty("decidedBy").GetString().Should().Be(winner.GetProperty("decidedBy").GetString());
            using var history = await _approver.GetAsync($"/api/instances/{approval.InstanceId}/history?events=true");
            (await history.ReadJsonAsync()).GetProperty("events").EnumerateArray()
                .Count(e => e.GetProperty("kind").GetString() == "eventRaised").Should().Be(1, "only the winning decision raises the event");
        }
        finally
        {
            Array.ForEach(responses, r => r.Dispose());
        }
    }

    [Fact]
    public async Task Decide_AsApproverWhoIsNotAnAssignee_Is403ProblemAndLeavesTheTaskPending()
    {
        var approval = await server.CreateAsync(["user:" + TestUsers.SecondApprover]);

        using var response = await _approver.PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", Approve);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await ShouldStillBePendingAsync(approval);
    }

    [Fact]
    public async Task Decide_AsViewer_Is403Problem()
    {
        var approval = await server.CreateAsync(["role:viewer"]);

        using var response = await server.Client(TestUsers.Viewer).PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", Approve);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        await ShouldStillBePendingAsync(approval);
    }

    [Fact]
    public async Task Decide_AfterTheDueTime_Is409ProblemSayingItExpired()
    {
        var approval = await server.CreateAsync(["role:approver"], dueAt: DateTime.UtcNow.AddMinutes(-1));

        using var response = await _approver.PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", Approve);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("expired");
    }

    [Fact]
    public async Task Decide_UnknownTask_Is404Problem()
    {
        using var response = await _approver.PostJsonAsync("/api/approvals/no-such-task/decision", Approve);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("{}", "required")]
    [InlineData("""{ "decision": "maybe" }""", "maybe")]
    [InlineData("""{ "decision": "approve", "edits": [1] }""", "object")]
    [InlineData("""{ "decision": "approve", "edits": "amount=1" }""", "object")]
    [InlineData("""{ "decision": "approve", "approver": "me" }""", "approver")]
    [InlineData("""{ "decision": 1 }""", "JSON")]
    [InlineData("""[ "approve" ]""", "JSON")]
    [InlineData("{ \"decision\": ", "JSON")]
    public async Task Decide_BadBody_Is400ProblemAndLeavesTheTaskPending(string body, string hint)
    {
        var approval = await server.CreateAsync(["role:approver"]);

        using var response = await _approver.PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain(hint);
        await ShouldStillBePendingAsync(approval);
    }

    [Fact]
    public async Task Decide_CommentLongerThan4000Characters_Is400Problem()
    {
        var approval = await server.CreateAsync(["role:approver"]);
        var body = JsonSerializer.Serialize(new { decision = "approve", comment = new string('x', 4001) });

        using var response = await _approver.PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("4000");
        await ShouldStillBePendingAsync(approval);
    }

    private async Task ShouldStillBePendingAsync(PendingApproval approval)
    {
        using var response = await server.Client(TestUsers.Admin).GetAsync($"/api/approvals/{approval.TaskId}");
        (await response.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("pending");
        using var instance = await server.Client(TestUsers.Admin).GetAsync($"/api/instances/{approval.InstanceId}");
        (await instance.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("Running");
    }
}
