using System.Net;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Flows;

/// <summary>The sample flows are published at the first start and not again when the server restarts unchanged.</summary>
public sealed class FlowSamplesRestartTests : IAsyncLifetime
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-flow-samples-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_UnchangedSamples_PublishesNoNewVersion()
    {
        var first = await VersionsAfterStartAsync();
        var second = await VersionsAfterStartAsync();

        first.Should().Equal(1);
        second.Should().Equal(1);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Directory.Delete(_dataDir, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<List<int>> VersionsAfterStartAsync()
    {
        await using WebApplication app = ServerFixture.CreateApp(_dataDir);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.KeyOf(TestUsers.Viewer));
        using var response = await client.GetAsync("/api/definitions");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var item = (await response.ReadJsonAsync()).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("definitionId").GetString() == "refund-flow");
        await app.StopAsync();
        return [.. item.GetProperty("versions").EnumerateArray().Select(v => v.GetInt32())];
    }
}
