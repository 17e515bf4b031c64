using System.Net;
using System.Text.Json;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class ListInstancesTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);
    private readonly HttpClient _viewer = server.Client(TestUsers.Viewer);

    [Fact]
    public async Task List_ByTag_PagesThroughEveryInstanceNewestFirst()
    {
        var run = Guid.NewGuid().ToString("N");
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await _developer.StartAsync("samples.sequence", new { steps = 0 }, new { run }));
        }

        var seen = new List<JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var query = $"/api/instances?tag=run:{run}&limit=2" + (cursor is null ? string.Empty : "&cursor=" + Uri.EscapeDataString(cursor));
            using var response = await _viewer.GetAsync(query);
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            var page = await response.ReadJsonAsync();
            seen.AddRange(page.GetProperty("items").EnumerateArray());
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null && pages < 10);

        seen.Select(i => i.GetProperty("instanceId").GetString()).Should().BeEquivalentTo(started);
        pages.Should().BeGreaterThanOrEqualTo(3);
        seen.Select(i => i.GetProperty("createdAt").GetDateTime()).Should().BeInDescendingOrder();
        var summary = seen[0];
        summary.GetProperty("workflow").GetString().Should().Be("samples.sequence");
        summary.GetProperty("startedBy").GetString().Should().Be(TestUsers.Developer);
        foreach (var field in new[] { "version", "status", "customStatus", "createdAt", "updatedAt" })
        {
            summary.TryGetProperty(field, out _).Should().BeTrue(field);
        }
    }

    [Fact]
    public async Task List_ByStatusAndWorkflow_FiltersTogetherWithTag()
    {
        var run = Guid.NewGuid().ToString("N");
        var waiting = await _developer.StartAsync("samples.wait-for-event", tags: new { run });
        var done = await _developer.StartAsync("samples.sequence", new { steps = 0 }, new { run });
        await _developer.WaitForStatusAsync(waiting, "Running");
        await _developer.WaitForStatusAsync(done, "Completed");

        var running = await IdsAsync($"/api/instances?tag=run:{run}&status=Running");
        var completed = await IdsAsync($"/api/instances?tag=run:{run}&status=completed");
        var sequences = await IdsAsync($"/api/instances?tag=run:{run}&workflow=samples.sequence");

        running.Should().Equal(waiting);
        completed.Should().Equal(done);
        sequences.Should().Equal(done);
    }

    [Theory]
    [InlineData("status=Sleeping", "status")]
    [InlineData("status=1", "status")]
    [InlineData("tag=novalue", "key:value")]
    [InlineData("tag=:value", "key:value")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=501", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("tag=a:1&tag=b:2", "only once")]
    public async Task List_BadQuery_Is400Problem(string query, string detail)
    {
        using var response = await _viewer.GetAsync("/api/instances?" + query);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain(detail);
    }

    private async Task<List<string?>> IdsAsync(string query)
    {
        using var response = await _viewer.GetAsync(query);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return [.. (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().Select(i => i.GetProperty("instanceId").GetString())];
    }

    [Fact]
    public async Task List_ByParent_ListsOnlyThatInstancesChildren()
    {
        var developer = server.Client(TestUsers.Developer);
        var parent = await developer.StartAsync(Workflows.FanOutChildrenWorkflow.Name, 3);
        var other = await developer.StartAsync(Workflows.FanOutChildrenWorkflow.Name, 1);
        await developer.WaitForStatusAsync(parent, "Completed");
        await developer.WaitForStatusAsync(other, "Completed");

        using var response = await server.Client(TestUsers.Viewer).GetAsync($"/api/instances?parent={parent}");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        var items = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray().ToList();
        items.Should().HaveCount(3).And.AllSatisfy(i =>
        {
            i.GetProperty("workflow").GetString().Should().Be("samples.sequence");
            i.GetProperty("instanceId").GetString().Should().StartWith(parent + ":");
        });
    }

    [Fact]
    public async Task List_ByParentWithoutChildren_IsEmpty()
    {
        using var response = await server.Client(TestUsers.Viewer).GetAsync("/api/instances?parent=no-such-parent");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK);
        (await response.ReadJsonAsync()).GetProperty("items").GetArrayLength().Should().Be(0);
    }
}
