using System.Net;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Orchestrator:Limits:MaxPayloadBytes over HTTP: a payload the engine would not store is refused with 413.</summary>
public sealed class PayloadLimitTests : IAsyncLifetime
{
    private const int Limit = 2048;

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-payload-tests-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private HttpClient _developer = null!;

    public async Task InitializeAsync()
    {
        _app = ServerFixture.CreateApp(_dataDir, new Dictionary<string, string?> { ["Orchestrator:Limits:MaxPayloadBytes"] = Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        await _app.StartAsync();
        _developer = new HttpClient { BaseAddress = new Uri(_app.Urls.Single()), Timeout = TimeSpan.FromSeconds(60) };
        _developer.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.KeyOf(TestUsers.Developer));
    }

    public async Task DisposeAsync()
    {
        _developer.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    [Fact]
    public async Task RaiseEvent_PayloadOverTheLimit_Is413NamingTheSetting_AndTheInstanceKeepsWaiting()
    {
        var id = await _developer.StartAsync("samples.wait-for-event");
        await _developer.WaitForStatusAsync(id, "Running");

        using var refused = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", $$"""{ "text": "{{new string('x', Limit)}}" }""");

        var problem = await refused.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        problem.GetProperty("detail").GetString().Should().Contain("Orchestrator:Limits:MaxPayloadBytes").And.Contain($"{Limit} bytes");
        (await (await _developer.GetAsync($"/api/instances/{id}")).ReadJsonAsync()).GetProperty("status").GetString().Should().Be("Running");
        using var accepted = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", """{ "text": "short" }""");
        accepted.StatusCode.Should().Be(HttpStatusCode.Accepted);
        await _developer.WaitForStatusAsync(id, "Completed");
    }

    [Fact]
    public async Task Start_InputOverTheLimit_Is413AndNothingIsWritten()
    {
        var id = "big-" + Guid.NewGuid().ToString("N");

        using var refused = await _developer.PostJsonAsync(
            "/api/instances", $$"""{ "workflow": "samples.wait-for-event", "instanceId": "{{id}}", "input": "{{new string('x', Limit)}}" }""");

        await refused.ShouldBeProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        using var missing = await _developer.GetAsync($"/api/instances/{id}");
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }
}
