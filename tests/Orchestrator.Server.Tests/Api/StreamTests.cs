using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Client;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

[Collection(ServerCollection.Name)]
public sealed class StreamTests(ServerFixture server)
{
    private readonly HttpClient _developer = server.Client(TestUsers.Developer);

    [Fact]
    public async Task Stream_ShortWorkflow_SendsStatusThenStepsThenDoneAndCloses()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await _developer.StartAsync("samples.sequence", new { steps = 3 });

        using var response = await OpenStreamAsync(id, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = (await reader.ReadToEndAsync(timeout.Token)).Where(m => m.Event is not null).ToList();

        events[0].Event.Should().Be("status");
        events[^1].Event.Should().Be("done");
        var done = events[^1].Json;
        done.GetProperty("instanceId").GetString().Should().Be(id);
        done.GetProperty("status").GetString().Should().Be("Completed");
        done.GetProperty("output").GetProperty("completed").GetInt32().Should().Be(3);

        // The latest version of each step, as a client that keys steps by sequence would hold them.
        var steps = events.Where(m => m.Event == "step").Select(m => m.Json)
            .GroupBy(s => s.GetProperty("sequence").GetInt32())
            .Select(g => g.Last())
            .ToList();
        steps.Where(s => s.GetProperty("kind").GetString() == "activity").Should().HaveCount(3)
            .And.AllSatisfy(s => s.GetProperty("status").GetString().Should().Be("Completed"));
        steps.Single(s => s.GetProperty("kind").GetString() == "workflow").GetProperty("status").GetString().Should().Be("Completed");
    }

    [Fact]
    public async Task Stream_WaitingInstance_SendsKeepAliveAndLiveChangesUntilDone()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await _developer.StartAsync("samples.wait-for-event");
        await _developer.WaitForStatusAsync(id, "Running");

        using var response = await OpenStreamAsync(id, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await reader.ReadEventAsync(timeout.Token);
        var sawKeepAlive = false;
        while (!sawKeepAlive && await reader.ReadAsync(timeout.Token) is { } message)
        {
            sawKeepAlive = message.Comment == "keep-alive";
        }

        using var go = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", """{ "ok": 1 }""");
        var rest = await reader.ReadToEndAsync(timeout.Token);

        first!.Event.Should().Be("status");
        first.Json.GetProperty("status").GetString().Should().Be("Running");
        first.Json.GetProperty("customStatus").GetProperty("stage").GetString().Should().Be("waiting-for-go");
        sawKeepAlive.Should().BeTrue();
        go.StatusCode.Should().Be(HttpStatusCode.Accepted);
        rest.Should().Contain(m => m.Event == "step" && m.Json.GetProperty("kind").GetString() == "event"
            && m.Json.GetProperty("output").GetProperty("ok").GetInt32() == 1);
        rest.Should().Contain(m => m.Event == "status" && m.Json.GetProperty("status").GetString() == "Completed");
        rest.Last(m => m.Event is not null).Event.Should().Be("done");
    }

    [Fact]
    public async Task Stream_PublishedSignal_IsForwardedAsSignalEventWithKindAndData()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var signals = server.Services.GetRequiredService<IInstanceSignals>();
        var id = await _developer.StartAsync("samples.wait-for-event");
        await _developer.WaitForStatusAsync(id, "Running");
        signals.HasWatchers(id).Should().BeFalse();

        using var response = await OpenStreamAsync(id, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await reader.ReadEventAsync(timeout.Token);
        signals.HasWatchers(id).Should().BeTrue("the stream watches the instance once it has sent its first event");
        signals.Publish(id, "model.delta", """{ "text": "Hel" }""");
        signals.Publish(id, "model.delta", """{ "text": "lo" }""");
        var received = new List<SseMessage>();
        while (received.Count < 2 && await reader.ReadAsync(timeout.Token) is { } message)
        {
            if (message.Event == "signal")
            {
                received.Add(message);
            }
        }

        first!.Event.Should().Be("status");
        received.Select(m => m.Json.GetProperty("kind").GetString()).Should().Equal("model.delta", "model.delta");
        received.Select(m => m.Json.GetProperty("data").GetProperty("text").GetString()).Should().Equal("Hel", "lo");
        using var go = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", "{}");
        go.StatusCode.Should().Be(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Stream_FinishedInstance_SendsSnapshotAndDoneAtOnce()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await _developer.StartAsync("samples.sequence", new { steps = 1 });
        await _developer.WaitForStatusAsync(id, "Completed");

        using var response = await OpenStreamAsync(id, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = await reader.ReadToEndAsync(timeout.Token);

        events[0].Comment.Should().Be("stream open");
        events.Where(e => e.Event is not null).Select(e => e.Event).Should().Equal("status", "step", "step", "done");
    }

    [Fact]
    public async Task Stream_UnknownInstance_Is404Problem()
    {
        using var response = await _developer.GetAsync("/api/instances/no-such-instance/stream");

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Stream_RetriedActivity_SendsEachFailedAttemptAsItHappens()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var id = await _developer.StartAsync(Workflows.RetryThenWaitWorkflow.Name, "x");

        using var response = await OpenStreamAsync(id, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var attempts = 0;
        while (attempts < 2 && await reader.ReadAsync(timeout.Token) is { } message)
        {
            if (message.Event == "step" && message.Json.GetProperty("kind").GetString() == "activity"
                && message.Json.TryGetProperty("attempts", out var list))
            {
                attempts = list.GetArrayLength();
            }
        }

        attempts.Should().Be(2);
        using var go = await _developer.PostJsonAsync($"/api/instances/{id}/events/go", "\"ok\"");
        await _developer.WaitForStatusAsync(id, "Completed");
    }

    private async Task<HttpResponseMessage> OpenStreamAsync(string id, CancellationToken cancellationToken)
    {
        var response = await _developer.GetAsync($"/api/instances/{id}/stream", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType?.MediaType.Should().Be("text/event-stream");
        return response;
    }
}
