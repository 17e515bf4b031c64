using System.Net;
using Microsoft.AspNetCore.Builder;
using Orchestrator.Server.Tests.Infrastructure;

namespace Orchestrator.Server.Tests.Api;

/// <summary>
/// Event streams answer at once: the headers (and a first comment) are sent when the stream opens, not with the first
/// event or keep-alive. The server here waits five minutes between keep-alives, so only an immediate flush can pass.
/// </summary>
public sealed class StreamHeadersTests : IAsyncLifetime
{
    private static readonly TimeSpan HeadersWithin = TimeSpan.FromSeconds(3);

    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "orchestrator-stream-headers-" + Guid.NewGuid().ToString("N"));
    private WebApplication _app = null!;
    private Uri _baseAddress = null!;

    public async Task InitializeAsync()
    {
        _app = ServerFixture.CreateApp(_dataDir, new Dictionary<string, string?> { ["Orchestrator:Stream:KeepAlive"] = "00:05:00" });
        await _app.StartAsync();
        _baseAddress = new Uri(_app.Urls.Single());
    }

    [Fact]
    public async Task ApprovalStream_Idle_SendsHeadersAndAFirstCommentAtOnce()
    {
        using var http = Client(TestUsers.Approver);
        using var timeout = new CancellationTokenSource(HeadersWithin);

        using var response = await http.GetAsync("/api/approvals/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var first = await reader.ReadAsync(timeout.Token);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        first!.Comment.Should().NotBeNull();
    }

    [Fact]
    public async Task InstanceStream_WaitingInstance_SendsHeadersAndTheSnapshotAtOnce()
    {
        using var http = Client(TestUsers.Developer);
        var id = await http.StartAsync("tests.await-approval", "stream-headers");
        using var timeout = new CancellationTokenSource(HeadersWithin);

        using var response = await http.GetAsync($"/api/instances/{id}/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        using var reader = new SseReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        SseMessage? message;
        do
        {
            message = await reader.ReadAsync(timeout.Token);
        }
        while (message is { Event: null });

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        message!.Event.Should().Be("status");
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_dataDir, recursive: true);
    }

    private HttpClient Client(string user)
    {
        var client = new HttpClient { BaseAddress = _baseAddress, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestUsers.KeyOf(user));
        return client;
    }
}
