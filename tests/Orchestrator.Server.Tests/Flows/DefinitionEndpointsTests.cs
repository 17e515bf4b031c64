using System.Net;
using System.Text;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Flows;

[Collection(ServerCollection.Name)]
public sealed class DefinitionEndpointsTests(ServerFixture server)
{
    private readonly HttpClient _analyst = server.Client(TestUsers.Analyst);
    private readonly HttpClient _viewer = server.Client(TestUsers.Viewer);

    [Fact]
    public async Task SaveDraft_NewFlow_Is200AndListedWithoutVersions()
    {
        var id = NewId();

        using var response = await _analyst.PostJsonAsync("/api/definitions", FlowJson.Linear(id));

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var saved = await response.ReadJsonAsync();
        saved.GetProperty("definitionId").GetString().Should().Be(id);
        saved.GetProperty("name").GetString().Should().Be("Test flow");
        saved.GetProperty("problems").GetArrayLength().Should().Be(0);
        var item = await ListItemAsync(id);
        item.GetProperty("hasDraft").GetBoolean().Should().BeTrue();
        item.GetProperty("draftSavedBy").GetString().Should().Be(TestUsers.Analyst);
        item.GetProperty("latestVersion").ValueKind.Should().Be(JsonValueKind.Null);
        item.GetProperty("versions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task SaveDraft_WithoutDefinitionId_GeneratesOne()
    {
        using var response = await _analyst.PostJsonAsync("/api/definitions", FlowJson.Linear(null));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var id = (await response.ReadJsonAsync()).GetProperty("definitionId").GetString();
        id.Should().NotBeNullOrWhiteSpace();
        using var draft = await _viewer.GetAsync($"/api/definitions/{id}");
        draft.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    [InlineData("")]
    public async Task SaveDraft_NotAJsonObject_Is400(string body)
    {
        using var response = await _analyst.PostJsonAsync("/api/definitions", body);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().NotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task SaveDraft_DuplicateNodeIds_Is400AndWritesNothing()
    {
        var id = NewId();

        using var response = await _analyst.PostJsonAsync("/api/definitions", FlowJson.WithDuplicateIds(id));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("same");
        using var after = await _viewer.GetAsync($"/api/definitions/{id}");
        await after.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SaveDraft_BodyOverTheLimit_Is413AndWritesNothing()
    {
        var id = NewId();
        var huge = FlowJson.Linear(id, new string('x', 1024 * 1024 + 10));

        using var response = await _analyst.PostAsync("/api/definitions", new StringContent(huge, Encoding.UTF8, "application/json"));

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        using var after = await _viewer.GetAsync($"/api/definitions/{id}");
        after.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task SaveDraft_AsViewer_Is403()
    {
        using var response = await _viewer.PostJsonAsync("/api/definitions", FlowJson.Linear(NewId()));

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Publish_Draft_MakesImmutableNumberedVersions()
    {
        var id = NewId();
        await SaveAsync(FlowJson.Linear(id, "first"));

        var first = await PublishAsync(id);
        using var again = await _analyst.PostAsync($"/api/definitions/{id}/publish", null);
        await SaveAsync(FlowJson.Linear(id, "second"));
        var second = await PublishAsync(id);

        first.GetProperty("version").GetInt32().Should().Be(1);
        await again.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        second.GetProperty("version").GetInt32().Should().Be(2);
        var v1 = await GetJsonAsync($"/api/definitions/{id}?version=1");
        v1.GetProperty("published").GetBoolean().Should().BeTrue();
        v1.GetProperty("version").GetInt32().Should().Be(1);
        v1.GetProperty("definition").GetRawText().Should().Contain("first").And.NotContain("second");
        var draft = await GetJsonAsync($"/api/definitions/{id}");
        draft.GetProperty("version").ValueKind.Should().Be(JsonValueKind.Null);
        draft.GetProperty("published").GetBoolean().Should().BeFalse();
        var item = await ListItemAsync(id);
        item.GetProperty("latestVersion").GetInt32().Should().Be(2);
        item.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32()).Should().Equal(1, 2);
        var workflow = (await GetJsonAsync("/api/workflows")).GetProperty("items").EnumerateArray()
            .Single(w => w.GetProperty("name").GetString() == id);
        workflow.GetProperty("kind").GetString().Should().Be("flow");
        workflow.GetProperty("version").GetString().Should().Be("2");
        workflow.GetProperty("versions").EnumerateArray().Select(v => v.GetString()).Should().Equal("1", "2");
    }

    [Fact]
    public async Task Publish_NoDraft_Is404()
    {
        using var response = await _analyst.PostAsync($"/api/definitions/{NewId()}/publish", null);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Publish_UnsupportedActivity_Is400WithProblemsOnTheNode()
    {
        var id = NewId();
        await SaveAsync(FlowJson.WithUnsupported(id));

        using var response = await _analyst.PostAsync($"/api/definitions/{id}/publish", null);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("nodeId").GetString()).Should().Contain("odd");
        (await ListItemAsync(id)).GetProperty("versions").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task Get_UnknownDefinitionOrVersion_Is404AndBadVersionIs400()
    {
        var id = NewId();
        await SaveAsync(FlowJson.Linear(id));

        using var unknown = await _viewer.GetAsync($"/api/definitions/{NewId()}");
        using var noVersion = await _viewer.GetAsync($"/api/definitions/{id}?version=7");
        using var badVersion = await _viewer.GetAsync($"/api/definitions/{id}?version=latest");

        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await noVersion.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        await badVersion.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Validate_ReportsProblemsWithoutSaving()
    {
        var id = NewId();

        using var response = await _analyst.PostJsonAsync("/api/definitions/validate", FlowJson.WithUnsupported(id));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var problems = (await response.ReadJsonAsync()).GetProperty("problems").EnumerateArray().ToList();
        problems.Should().Contain(p => p.GetProperty("nodeId").GetString() == "odd" && p.GetProperty("message").GetString()!.Length > 0);
        using var after = await _viewer.GetAsync($"/api/definitions/{id}");
        after.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_UnsupportedTypes_Is400ListingThemAndWritesNothing()
    {
        var id = NewId();

        using var response = await _analyst.PostJsonAsync("/api/definitions/import", FlowJson.WithUnsupported(id, "Elsa.RunJavaScript"));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain("Elsa.RunJavaScript");
        problem.GetProperty("unsupportedTypes").EnumerateArray().Select(t => t.GetString()).Should().Equal("Elsa.RunJavaScript");
        using var after = await _viewer.GetAsync($"/api/definitions/{id}");
        after.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Import_WithPublish_PublishesAndExportGivesTheSameGraph()
    {
        var id = NewId();

        using var response = await _analyst.PostJsonAsync($"/api/definitions/import?publish=true", FlowJson.Linear(id, "exported"));
        using var export = await _viewer.GetAsync($"/api/definitions/{id}/export?format=elsa");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadJsonAsync()).GetProperty("version").GetInt32().Should().Be(1);
        export.StatusCode.Should().Be(HttpStatusCode.OK);
        export.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        export.Content.Headers.ContentDisposition.FileName!.Trim('"').Should().Be(id + ".json");
        var exported = await export.ReadJsonAsync();
        exported.GetProperty("definitionId").GetString().Should().Be(id);
        var activities = exported.GetProperty("root").GetProperty("activities").EnumerateArray().Select(a => a.GetProperty("id").GetString());
        activities.Should().Equal("start", "write", "end");
        exported.GetProperty("root").GetProperty("connections").GetArrayLength().Should().Be(2);

        // Exported, then imported again: the same graph, so publishing makes no new version.
        using var reimport = await _analyst.PostJsonAsync("/api/definitions/import?publish=true", exported.GetRawText());
        (await reimport.ReadJsonAsync()).GetProperty("version").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task Import_WithoutPublish_SavesOnlyTheDraft()
    {
        var id = NewId();

        using var response = await _analyst.PostJsonAsync("/api/definitions/import", FlowJson.Linear(id));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("version").ValueKind.Should().Be(JsonValueKind.Null);
        (await ListItemAsync(id)).GetProperty("hasDraft").GetBoolean().Should().BeTrue();
    }

    [Fact]
    public async Task Export_UnknownFormatOrDefinition_Is400Or404()
    {
        var id = NewId();
        await SaveAsync(FlowJson.Linear(id));

        using var format = await _viewer.GetAsync($"/api/definitions/{id}/export?format=bpmn");
        using var unknown = await _viewer.GetAsync($"/api/definitions/{NewId()}/export");
        using var draft = await _viewer.GetAsync($"/api/definitions/{id}/export");

        await format.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        await unknown.ShouldBeProblemAsync(HttpStatusCode.NotFound);
        draft.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Samples_ArePublishedAtStart()
    {
        var items = (await GetJsonAsync("/api/definitions")).GetProperty("items").EnumerateArray().ToList();

        foreach (var sample in new[] { "refund-flow", "content-flow" })
        {
            var item = items.Single(i => i.GetProperty("definitionId").GetString() == sample);
            item.GetProperty("latestVersion").GetInt32().Should().BeGreaterThanOrEqualTo(1);
        }
    }

    [Fact]
    public async Task RunningInstance_StaysOnItsVersion_AfterANewPublish()
    {
        var id = NewId();
        var developer = server.Client(TestUsers.Developer);
        await SaveAsync(FlowJson.WaitsForEvent(id, "go", "one"));
        await PublishAsync(id);
        var instanceId = "t-" + Guid.NewGuid().ToString("N");
        using (var start = await developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "{{id}}", "version": 1, "instanceId": "{{instanceId}}" }"""))
        {
            start.StatusCode.Should().Be(HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        }

        await WaitForWaitingAsync(developer, instanceId);
        await SaveAsync(FlowJson.WaitsForEvent(id, "go", "two"));
        (await PublishAsync(id)).GetProperty("version").GetInt32().Should().Be(2);
        using (var raise = await developer.PostJsonAsync($"/api/instances/{instanceId}/events/go", "{}"))
        {
            raise.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var done = await developer.WaitForStatusAsync(instanceId, "Completed");
        done.GetProperty("version").GetString().Should().Be("1");
        done.GetProperty("output").GetProperty("version").GetString().Should().Be("one");
    }

    [Fact]
    public async Task ApprovalBranchCancelledByAWaitAnyJoin_IsWithdrawnFromTheInboxAndCannotBeDecided()
    {
        var id = NewId();
        var developer = server.Client(TestUsers.Developer);
        var approver = server.Client(TestUsers.Approver);
        await SaveAsync(FlowJson.ApprovalOrEvent(id, "skip"));
        await PublishAsync(id);
        var instanceId = "t-" + Guid.NewGuid().ToString("N");
        using (var start = await developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "{{id}}", "instanceId": "{{instanceId}}" }"""))
        {
            start.StatusCode.Should().Be(HttpStatusCode.Created, await start.Content.ReadAsStringAsync());
        }

        var taskId = await WaitForPendingApprovalAsync(approver, instanceId);
        using (var raise = await developer.PostJsonAsync($"/api/instances/{instanceId}/events/skip", "{}"))
        {
            raise.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        await developer.WaitForStatusAsync(instanceId, "Completed");
        using var decide = await approver.PostJsonAsync($"/api/approvals/{taskId}/decision", """{ "decision": "approve" }""");
        var problem = await decide.ShouldBeProblemAsync(HttpStatusCode.Conflict);
        problem.GetProperty("detail").GetString().Should().Contain("withdrawn").And.Contain(instanceId);
        using var task = await approver.GetAsync($"/api/approvals/{taskId}");
        (await task.ReadJsonAsync()).GetProperty("status").GetString().Should().Be("withdrawn");
        (await ApprovalIdsAsync(approver, $"/api/approvals?instanceId={instanceId}")).Should().BeEmpty();
        (await ApprovalIdsAsync(approver, $"/api/approvals?instanceId={instanceId}&status=withdrawn")).Should().Equal(taskId);
    }

    private static async Task<string> WaitForPendingApprovalAsync(HttpClient approver, string instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            if ((await ApprovalIdsAsync(approver, $"/api/approvals?instanceId={instanceId}")) is [var taskId])
            {
                return taskId;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Instance {instanceId} asked for no approval.");
    }

    private static async Task<List<string>> ApprovalIdsAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("taskId").GetString()!)];
    }

    private static string NewId() => "flow-" + Guid.NewGuid().ToString("N")[..12];

    private static async Task WaitForWaitingAsync(HttpClient client, string instanceId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            using var instance = await client.GetAsync($"/api/instances/{instanceId}");
            var json = await instance.ReadJsonAsync();
            json.GetProperty("status").GetString().Should().NotBe("Failed", json.ToString());
            if (json.TryGetProperty("customStatus", out var custom) && custom.ValueKind == JsonValueKind.Object
                && custom.GetProperty("flow").GetProperty("nodes").EnumerateObject().Any(n => n.Value.GetProperty("state").GetString() == "waiting"))
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"Instance {instanceId} did not reach its event wait.");
    }

    private async Task SaveAsync(string json)
    {
        using var response = await _analyst.PostJsonAsync("/api/definitions", json);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> PublishAsync(string id)
    {
        using var response = await _analyst.PostAsync($"/api/definitions/{id}/publish", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await _viewer.GetAsync(path);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }

    private async Task<JsonElement> ListItemAsync(string id) =>
        (await GetJsonAsync("/api/definitions")).GetProperty("items").EnumerateArray().Single(i => i.GetProperty("definitionId").GetString() == id);
}
