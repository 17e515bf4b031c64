using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing;

/// <summary>
/// A local OpenAI-compatible server (chat completions and the Responses API, streaming and not) whose answers are scripted by the test:
/// text, tool calls, parallel tool calls, errors with Retry-After, malformed output, delays. Point an agent's model at
/// <see cref="BaseUrl"/> and it goes through the real OpenAI SDK over HTTP.
/// </summary>
/// <example><code>
/// await using var model = await ScriptedModelServer.StartAsync();
/// model.Enqueue(ScriptedReply.ToolCall("crm.lookup-order", new { orderId = "A-1001" }));
/// model.Enqueue(ScriptedReply.Reply("Your order has shipped."));
/// // configure Orchestrator:Models:default:Endpoint = model.BaseUrl, ApiKey = "test"
/// </code></example>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ScriptedReply> _replies = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private WebApplication? _app;
    private int _sequence;

    private ScriptedModelServer()
    {
    }

    /// <summary>The base URL to configure as the model endpoint, e.g. <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request received, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>How many requests were received.</summary>
    public int RequestCount => _requests.Count;

    /// <summary>How many scripted replies are left.</summary>
    public int Remaining => _replies.Count;

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <returns>The running server.</returns>
    public static async Task<ScriptedModelServer> StartAsync()
    {
        var server = new ScriptedModelServer();
        var (app, baseUrl) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", http => server.HandleAsync(http, ChatCompletionWriter.WriteAsync));
            app.MapPost("/v1/responses", http => server.HandleAsync(http, ResponsesWriter.WriteAsync));
        });
        server._app = app;
        server.BaseUrl = baseUrl + "v1/";
        return server;
    }

    /// <summary>Queues replies, answered in order by the next requests.</summary>
    /// <param name="replies">The replies.</param>
    public void Enqueue(params ScriptedReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        foreach (var reply in replies)
        {
            _replies.Enqueue(reply);
        }
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived.</summary>
    /// <param name="count">The number of requests.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>A task.</returns>
    public async Task WaitForRequestsAsync(int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (RequestCount < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
            {
                throw new TimeoutException($"Only {RequestCount} of {count} model requests arrived within {timeout}.");
            }
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _arrived.Dispose();
    }

    private async Task HandleAsync(HttpContext http, Func<HttpContext, ScriptedReply, RecordedRequest, int, Task> write)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        var request = new RecordedRequest(http.Request.Path, body.RootElement.Clone(), http.Request.Headers.Authorization.ToString());
        var sequence = Interlocked.Increment(ref _sequence);
        _requests.Enqueue(request);
        _arrived.Release();
        var reply = _replies.TryDequeue(out var next)
            ? next
            : ScriptedReply.Error(500, $"No scripted reply left for request {sequence}: the test sent more model requests than it scripted.");
        await write(http, reply, request, sequence);
    }
}
