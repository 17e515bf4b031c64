using System.Net;
using Orchestrator.Core.Client;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>Every instance id the API accepts can be addressed by every call that takes an instance id.</summary>
[Collection(ServerCollection.Name)]
public sealed class InstanceIdTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);
    private readonly HttpClient _admin = server.Client(TestUsers.Admin);

    public static TheoryData<string> AcceptedIds
    {
        get
        {
            var unique = Guid.NewGuid().ToString("N")[..8];
            var data = new TheoryData<string>
            {
                $"acme.order-42_v2:eu@{unique}",
                $"...{unique}",
                $"{unique}.",
                $"-{unique}",
                $"@:{unique}:@",
                $"Bestellung-{unique}-ä",
            };
            foreach (var punctuation in Identifiers.Punctuation)
            {
                data.Add($"{punctuation}{punctuation}{unique}{punctuation}");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AcceptedIds))]
    public async Task AcceptedId_IsAddressableByEveryCall_EscapedOrNot(string id)
    {
        using (var created = await _developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "samples.wait-for-event", "instanceId": "{{id}}" }"""))
        {
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
            (await created.ReadJsonAsync()).GetProperty("instanceId").GetString().Should().Be(id);
        }

        foreach (var path in new[] { Uri.EscapeDataString(id), id })
        {
            using var instance = await _developer.GetAsync($"/api/instances/{path}");
            instance.StatusCode.Should().Be(HttpStatusCode.OK, $"GET /api/instances/{path}");
            (await instance.ReadJsonAsync()).GetProperty("instanceId").GetString().Should().Be(id);

            using var history = await _developer.GetAsync($"/api/instances/{path}/history");
            history.StatusCode.Should().Be(HttpStatusCode.OK, $"GET /api/instances/{path}/history");
        }

        var escaped = Uri.EscapeDataString(id);
        await _developer.WaitForStatusAsync(escaped, "Running");
        await OperateAsync(escaped, "suspend", HttpStatusCode.Accepted);
        await _developer.WaitForStatusAsync(escaped, "Suspended");
        await OperateAsync(escaped, "resume", HttpStatusCode.Accepted);
        await _developer.WaitForStatusAsync(escaped, "Running");

        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20)))
        using (var stream = await _developer.GetAsync($"/api/instances/{escaped}/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token))
        {
            stream.StatusCode.Should().Be(HttpStatusCode.OK);
            using var reader = new SseReader(await stream.Content.ReadAsStreamAsync(timeout.Token));
            var status = await reader.ReadEventAsync(timeout.Token);
            status!.Event.Should().Be("status");
            status.Json.GetProperty("status").GetString().Should().Be("Running");

            using (var go = await _developer.PostJsonAsync($"/api/instances/{escaped}/events/go", """{ "id": "ok" }"""))
            {
                go.StatusCode.Should().Be(HttpStatusCode.Accepted);
            }

            var rest = await reader.ReadToEndAsync(timeout.Token);
            rest.Should().Contain(m => m.Event == "done");
        }

        (await _developer.WaitForStatusAsync(escaped, "Completed")).GetProperty("instanceId").GetString().Should().Be(id);
        await OperateAsync(escaped, "terminate", HttpStatusCode.Conflict);
        await OperateAsync(escaped, "restart", HttpStatusCode.Conflict);
        using var purged = await _admin.DeleteAsync($"/api/instances/{escaped}");
        purged.StatusCode.Should().Be(HttpStatusCode.NoContent);
        using var gone = await _developer.GetAsync($"/api/instances/{escaped}");
        gone.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AcceptedId_TerminateAndRestartOfAFailedInstance_Work()
    {
        var id = $"fail.me-{Guid.NewGuid():N}:x@y";
        var escaped = Uri.EscapeDataString(id);
        using (var created = await _developer.PostJsonAsync("/api/instances", $$"""{ "workflow": "samples.sequence", "input": { "steps": -1 }, "instanceId": "{{id}}" }"""))
        {
            created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }

        await _developer.WaitForStatusAsync(escaped, "Failed");
        await OperateAsync(escaped, "restart", HttpStatusCode.Accepted);
    }

    private async Task OperateAsync(string escapedId, string operation, HttpStatusCode expected)
    {
        using var response = await _developer.PostJsonAsync($"/api/instances/{escapedId}/{operation}", "{}");
        response.StatusCode.Should().Be(expected, $"POST {operation}: {await response.Content.ReadAsStringAsync()}");
    }
}
