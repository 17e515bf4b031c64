using System.Net;
using System.Text.Json;
using Orchestrator.Core;
using Orchestrator.Server.Tests.Infrastructure;
using Orchestrator.Server.Tests.Workflows;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class UsageTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);
    private readonly HttpClient _viewer = server.Client(TestUsers.Viewer);

    [Fact]
    public async Task Instance_WithReportedUsage_HasItsTotalsAndEachStepItsOwn()
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        var id = await RunAsync(new UsageReport(model, 1000, 200, 50, 0.25m), new UsageReport(model, 500, 0, 25, 0.125m));

        using var response = await _viewer.GetAsync($"/api/instances/{id}");

        var usage = (await response.ReadJsonAsync()).GetProperty("usage");
        usage.GetProperty("inputTokens").GetInt64().Should().Be(1500);
        usage.GetProperty("cachedInputTokens").GetInt64().Should().Be(200);
        usage.GetProperty("outputTokens").GetInt64().Should().Be(75);
        usage.GetProperty("costUsd").GetDecimal().Should().Be(0.375m);

        using var history = await _viewer.GetAsync($"/api/instances/{id}/history");
        var steps = (await history.ReadJsonAsync()).GetProperty("steps").EnumerateArray().ToList();
        steps.Single(s => s.GetProperty("kind").GetString() == "workflow").TryGetProperty("usage", out _).Should().BeFalse();
        var stepUsage = steps.Where(s => s.GetProperty("kind").GetString() == "activity").Select(s => s.GetProperty("usage")).ToList();
        stepUsage.Should().HaveCount(2);
        stepUsage[0].GetProperty("model").GetString().Should().Be(model);
        stepUsage[0].GetProperty("inputTokens").GetInt64().Should().Be(1000);
        stepUsage[0].GetProperty("cachedInputTokens").GetInt64().Should().Be(200);
        stepUsage[0].GetProperty("outputTokens").GetInt64().Should().Be(50);
        stepUsage[0].GetProperty("costUsd").GetDecimal().Should().Be(0.25m);
        stepUsage[1].GetProperty("costUsd").GetDecimal().Should().Be(0.125m);
    }

    [Fact]
    public async Task Usage_GroupedByModelAndInstance_HasEachGroupAndTheTotal()
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        var id = await RunAsync(new UsageReport(model, 100, 10, 20, 0.5m), new UsageReport(model, 300, 30, 40, 1.5m));

        var byModel = await GetUsageAsync("?groupBy=model");
        var byInstance = await GetUsageAsync("?groupBy=instance");

        byModel.GetProperty("groupBy").GetString().Should().Be("model");
        var group = byModel.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == model);
        group.GetProperty("calls").GetInt64().Should().Be(2);
        group.GetProperty("inputTokens").GetInt64().Should().Be(400);
        group.GetProperty("cachedInputTokens").GetInt64().Should().Be(40);
        group.GetProperty("outputTokens").GetInt64().Should().Be(60);
        group.GetProperty("costUsd").GetDecimal().Should().Be(2m);
        byInstance.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("key").GetString() == id)
            .GetProperty("costUsd").GetDecimal().Should().Be(2m);

        var items = byModel.GetProperty("items").EnumerateArray().ToList();
        var total = byModel.GetProperty("total");
        total.GetProperty("calls").GetInt64().Should().Be(items.Sum(i => i.GetProperty("calls").GetInt64()));
        total.GetProperty("inputTokens").GetInt64().Should().Be(items.Sum(i => i.GetProperty("inputTokens").GetInt64()));
        total.GetProperty("costUsd").GetDecimal().Should().Be(items.Sum(i => i.GetProperty("costUsd").GetDecimal()));
        total.GetProperty("costUsd").GetDecimal().Should().BeGreaterThanOrEqualTo(2m);
    }

    [Theory]
    [InlineData("workflow", ReportUsageWorkflow.Name)]
    [InlineData("user", TestUsers.Developer)]
    public async Task Usage_GroupedByWorkflowOrUser_CountsTheRun(string groupBy, string key)
    {
        var before = await CostOfAsync(groupBy, key);
        await RunAsync(new UsageReport("m", 1, 0, 1, 0.75m));

        var after = await CostOfAsync(groupBy, key);

        after.Should().Be(before + 0.75m);
    }

    [Fact]
    public async Task Usage_TimeRangeWithoutUsage_IsEmptyWithZeroTotalAndEchoesTheRange()
    {
        await RunAsync(new UsageReport("m", 1, 0, 1, 0.1m));

        var usage = await GetUsageAsync("?groupBy=day&from=2000-01-01&to=2000-01-02T00:00:00Z");

        usage.GetProperty("groupBy").GetString().Should().Be("day");
        usage.GetProperty("from").GetDateTime().Should().Be(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        usage.GetProperty("to").GetString().Should().Be("2000-01-02T00:00:00Z");
        usage.GetProperty("items").GetArrayLength().Should().Be(0);
        var total = usage.GetProperty("total");
        total.GetProperty("calls").GetInt64().Should().Be(0);
        total.GetProperty("costUsd").GetDecimal().Should().Be(0);
    }

    [Theory]
    [InlineData("hour")]
    [InlineData("day")]
    public async Task Usage_WithInterval_HasTheBucketStartOfEachItemOrderedByBucketThenKey(string interval)
    {
        var model = "model-" + Guid.NewGuid().ToString("N");
        var before = DateTime.UtcNow;
        await RunAsync(new UsageReport(model, 100, 10, 20, 0.5m));
        var after = DateTime.UtcNow;

        var usage = await GetUsageAsync($"?groupBy=model&interval={interval}");

        usage.GetProperty("interval").GetString().Should().Be(interval);
        var items = usage.GetProperty("items").EnumerateArray().ToList();
        var buckets = items.Select(i => i.GetProperty("bucket").GetDateTime()).ToList();
        var item = items.Single(i => i.GetProperty("key").GetString() == model);
        var bucket = item.GetProperty("bucket");
        bucket.GetString().Should().EndWith("Z");
        var start = bucket.GetDateTime().ToUniversalTime();
        var size = interval == "hour" ? TimeSpan.FromHours(1) : TimeSpan.FromDays(1);
        start.Ticks.Should().BeOneOf(before.Ticks - (before.Ticks % size.Ticks), after.Ticks - (after.Ticks % size.Ticks));
        item.GetProperty("costUsd").GetDecimal().Should().Be(0.5m);
        buckets.Should().BeInAscendingOrder();
        items.Zip(buckets).GroupBy(p => p.Second).Should().AllSatisfy(g =>
            g.Select(p => p.First.GetProperty("key").GetString()).Should().BeInAscendingOrder(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Usage_WithoutInterval_HasNoBucket()
    {
        await RunAsync(new UsageReport("model-" + Guid.NewGuid().ToString("N"), 100, 10, 20, 0.5m));

        var usage = await GetUsageAsync("?groupBy=model");

        usage.TryGetProperty("interval", out _).Should().BeFalse();
        usage.GetProperty("items").EnumerateArray().Should().AllSatisfy(i => i.TryGetProperty("bucket", out _).Should().BeFalse());
    }

    [Fact]
    public async Task Usage_WithoutGroupBy_GroupsByWorkflow()
    {
        var usage = await GetUsageAsync(string.Empty);

        usage.GetProperty("groupBy").GetString().Should().Be("workflow");
        usage.GetProperty("from").ValueKind.Should().Be(JsonValueKind.Null);
        usage.GetProperty("to").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData("groupBy=colour", "workflow, agent, user, model, instance, day")]
    [InlineData("from=yesterday", "ISO 8601")]
    [InlineData("to=01/02/2025", "ISO 8601")]
    [InlineData("from=2025-02-01&to=2025-01-01", "before")]
    [InlineData("groupBy=model&groupBy=user", "only once")]
    [InlineData("interval=week", "hour, day")]
    [InlineData("interval=hour&interval=day", "only once")]
    public async Task Usage_BadQuery_Is400ProblemSayingWhatToUse(string query, string hint)
    {
        using var response = await _viewer.GetAsync("/api/usage?" + query);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest);
        problem.GetProperty("detail").GetString().Should().Contain(hint);
    }

    private async Task<string> RunAsync(params UsageReport[] reports)
    {
        var id = await _developer.StartAsync(ReportUsageWorkflow.Name, reports);
        await _developer.WaitForStatusAsync(id, "Completed");
        return id;
    }

    private async Task<decimal> CostOfAsync(string groupBy, string key)
    {
        var usage = await GetUsageAsync("?groupBy=" + groupBy);
        return usage.GetProperty("items").EnumerateArray()
            .Where(i => i.GetProperty("key").GetString() == key)
            .Sum(i => i.GetProperty("costUsd").GetDecimal());
    }

    private async Task<JsonElement> GetUsageAsync(string query)
    {
        using var response = await _viewer.GetAsync("/api/usage" + query);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.ReadJsonAsync();
    }
}
