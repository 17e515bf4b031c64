using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ApprovalQueryTests(ServerFixture server)
{
    private readonly HttpClient _approver = server.Client(TestUsers.Approver);

    [Fact]
    public async Task List_AssignedToTheCallersRole_ShowsTheTaskWithEveryField()
    {
        var approval = await server.CreateAsync(["role:approver"], dueAt: DateTime.UtcNow.AddHours(1));

        var item = await FindAsync(_approver, "/api/approvals", approval.TaskId);

        item.Should().NotBeNull("a task assigned to role:approver is listed for a user with that role");
        var task = item!.Value;
        task.GetProperty("instanceId").GetString().Should().Be(approval.InstanceId);
        task.GetProperty("workflow").GetString().Should().Be(AwaitApprovalWorkflow.Name);
        task.GetProperty("title").GetString().Should().Be("Refund order 1042");
        task.GetProperty("details").GetString().Should().Contain("refund");
        task.GetProperty("proposed").GetProperty("amount").GetInt32().Should().Be(120);
        task.GetProperty("proposedSchema").GetProperty("type").GetString().Should().Be("object");
        task.GetProperty("assignTo").EnumerateArray().Select(a => a.GetString()).Should().Equal("role:approver");
        task.GetProperty("requestedBy").GetProperty("agent").GetString().Should().Be(ApprovalSetup.Agent);
        task.GetProperty("requestedBy").GetProperty("onBehalfOf").GetString().Should().Be(TestUsers.Developer);
        task.GetProperty("createdAt").GetString().Should().EndWith("Z");
        task.GetProperty("dueAt").GetString().Should().EndWith("Z");
        task.GetProperty("status").GetString().Should().Be("pending");
        foreach (var field in new[] { "decidedBy", "decidedAt", "comment", "edits" })
        {
            task.GetProperty(field).ValueKind.Should().Be(JsonValueKind.Null, field);
        }
    }

    [Fact]
    public async Task List_AssignedByUserName_ShowsOnlyForThatUser()
    {
        var approval = await server.CreateAsync(["user:" + TestUsers.SecondApprover]);

        (await FindAsync(server.Client(TestUsers.SecondApprover), "/api/approvals", approval.TaskId)).Should().NotBeNull();
        (await FindAsync(_approver, "/api/approvals", approval.TaskId)).Should().BeNull("the role approver is not assigned");
        (await FindAsync(server.Client(TestUsers.Admin), "/api/approvals?assignee=all", approval.TaskId)).Should().NotBeNull();
    }

    [Theory]
    [InlineData("role:approver")]
    [InlineData("user:" + TestUsers.SecondApprover)]
    public async Task List_AsAdministratorForATaskAssignedToOthers_ListsItAsTheAdminsToDecide(string assignee)
    {
        var admin = server.Client(TestUsers.Admin);
        var approval = await server.CreateAsync([assignee]);

        var mine = await FindAsync(admin, "/api/approvals?assignee=me", approval.TaskId);
        var byDefault = await FindAsync(admin, "/api/approvals", approval.TaskId);
        using var decided = await admin.PostJsonAsync($"/api/approvals/{approval.TaskId}/decision", """{ "decision": "reject" }""");

        mine.Should().NotBeNull("an administrator may decide every task, so every pending one is the administrator's to decide");
        byDefault.Should().NotBeNull();
        decided.StatusCode.Should().Be(HttpStatusCode.OK, "what the inbox lists, the administrator may decide");
    }

    [Fact]
    public async Task List_FiltersByInstanceAndStatus()
    {
        var approval = await server.CreateAsync(["role:approver"]);

        using var byInstance = await _approver.GetAsync($"/api/approvals?instanceId={approval.InstanceId}&status=all&limit=5");
        using var approved = await _approver.GetAsync($"/api/approvals?instanceId={approval.InstanceId}&status=approved");

        byInstance.StatusCode.Should().Be(HttpStatusCode.OK);
        (await ItemsAsync(byInstance)).Select(i => i.GetProperty("taskId").GetString()).Should().Equal(approval.TaskId);
        (await ItemsAsync(approved)).Should().BeEmpty();
    }

    [Theory]
    [InlineData(TestUsers.Viewer, "/api/approvals")]
    [InlineData(TestUsers.Developer, "/api/approvals")]
    [InlineData(TestUsers.Viewer, "/api/approvals/some-task")]
    [InlineData(TestUsers.Approver, "/api/approvals?assignee=all")]
    public async Task List_WithoutTheRightToSee_Is403Problem(string user, string path)
    {
        using var response = await server.Client(user).GetAsync(path);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("status=done", "pending")]
    [InlineData("assignee=bob", "me")]
    [InlineData("limit=0", "1 to 500")]
    [InlineData("status=pending&status=all", "only once")]
    public async Task List_BadQuery_Is400ProblemSayingWhatToUse(string query, string hint)
    {
        using var response = await _approver.GetAsync("/api/approvals?" + query);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain(hint);
    }

    [Fact]
    public async Task Get_AsAssignee_HasTheTaskItsContextAndTheStepsSoFar()
    {
        var approval = await server.CreateAsync(["role:approver"]);

        using var response = await _approver.GetAsync($"/api/approvals/{approval.TaskId}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var details = await response.ReadJsonAsync();
        details.GetProperty("taskId").GetString().Should().Be(approval.TaskId);
        details.GetProperty("status").GetString().Should().Be("pending");
        details.GetProperty("requestedBy").GetProperty("agent").GetString().Should().Be(ApprovalSetup.Agent);
        details.GetProperty("context").GetProperty("conversation")[0].GetProperty("text").GetString().Should().Be("refund please");
        var steps = details.GetProperty("steps").EnumerateArray().ToList();
        steps.Select(s => s.GetProperty("kind").GetString()).Should().Equal("workflow", "wait");
        steps[0].GetProperty("name").GetString().Should().Be(AwaitApprovalWorkflow.Name);
        steps[0].GetProperty("principal").GetString().Should().Be(TestUsers.Developer);
        steps[1].GetProperty("name").GetString().Should().Be("approval:" + approval.TaskId);
        steps[1].GetProperty("status").GetString().Should().Be("Waiting");
    }

    [Fact]
    public async Task Get_AsApproverWhoIsNotAnAssignee_Is403ProblemNamingTheAssignees()
    {
        var approval = await server.CreateAsync(["user:" + TestUsers.SecondApprover]);

        using var response = await _approver.GetAsync($"/api/approvals/{approval.TaskId}");

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
        problem.GetProperty("detail").GetString().Should().Contain("user:" + TestUsers.SecondApprover);
    }

    [Fact]
    public async Task Get_AsAdmin_IsAllowedWithoutAssignment()
    {
        var approval = await server.CreateAsync(["user:" + TestUsers.SecondApprover]);

        using var response = await server.Client(TestUsers.Admin).GetAsync($"/api/approvals/{approval.TaskId}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Get_UnknownTask_Is404Problem()
    {
        using var response = await _approver.GetAsync("/api/approvals/no-such-task");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement?> FindAsync(HttpClient client, string path, string taskId)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await ItemsAsync(response)).Cast<JsonElement?>().FirstOrDefault(i => i!.Value.GetProperty("taskId").GetString() == taskId);
    }

    private static async Task<List<JsonElement>> ItemsAsync(HttpResponseMessage response) =>
        [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()];
}
