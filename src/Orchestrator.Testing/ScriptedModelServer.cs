using System.ClientModel;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.AI;
using OpenAI;
using Orchestrator.Testing.Internal;

namespace Orchestrator.Testing;

/// <summary>
/// A local OpenAI-compatible model server whose answers the test scripts: text, tool calls (also parallel ones),
/// structured JSON, HTTP errors with <c>Retry-After</c>, broken bodies and slow answers. Code under test talks to it
/// through the real OpenAI SDK over real HTTP, so an agent test covers the same parsing, streaming and error paths as
/// production, without a network or an API key.
/// </summary>
/// <remarks>
/// <para>
/// It serves <c>POST /v1/chat/completions</c> and <c>POST /v1/responses</c>, each streamed (server-sent events) or not,
/// in the shapes the OpenAI API uses. Each request takes the next reply from the script, first from the queue of its
/// model (<see cref="EnqueueFor"/>), then from the shared queue (<see cref="Enqueue"/>); with both empty it gets
/// <see cref="Fallback"/>, or by default a 500 saying no scripted reply is left, so a test that makes more calls than it
/// scripted fails with a clear message. Every request is recorded in <see cref="Requests"/>.
/// </para>
/// <para>Any API key is accepted. All members are safe to call from several threads.</para>
/// </remarks>
/// <example><code>
/// await using var server = await ScriptedModelServer.StartAsync();
/// server.Enqueue(
///     Reply.ToolCall("crm_lookup", new { orderId = "42" }),
///     Reply.Text("Order 42 shipped on Monday.").WithUsage(input: 120, output: 9, cached: 64));
///
/// IChatClient model = server.CreateChatClient();   // or: new OpenAIClientOptions { Endpoint = new Uri(server.BaseUrl) }
/// var answer = await myAgent.RunAsync(model, "Where is order 42?");
///
/// answer.Should().Contain("Monday");
/// server.Requests[0].Tools.Should().Contain("crm_lookup");
/// server.Requests[1].Messages.GetRawText().Should().Contain("call_");   // the tool result went back to the model
/// </code></example>
public sealed class ScriptedModelServer : IAsyncDisposable
{
    private readonly ReplyScript _script = new();
    private readonly RequestLog _log = new();
    private readonly CancellationTokenSource _stopping = new();
    private WebApplication? _app;
    private volatile ScriptedReply? _fallback;
    private int _disposed;

    private ScriptedModelServer()
    {
    }

    /// <summary>The base URL to give the OpenAI SDK as its endpoint, e.g. <c>http://127.0.0.1:41234/v1/</c>.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>
    /// The reply for a request that finds the script empty, sent as often as needed; <see langword="null"/> (the default)
    /// answers 500 with "no scripted reply left".
    /// </summary>
    public ScriptedReply? Fallback
    {
        get => _fallback;
        set => _fallback = value;
    }

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _log.Snapshot();

    /// <summary>How many requests have been received.</summary>
    public int RequestCount => _log.Count;

    /// <summary>How many scripted replies are still queued, over all queues.</summary>
    public int Remaining => _script.Remaining;

    /// <summary>Starts a server on a free loopback port.</summary>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static async Task<ScriptedModelServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new ScriptedModelServer();
        var (app, root) = await LoopbackApp.StartAsync(app =>
        {
            app.MapPost("/v1/chat/completions", http => server.HandleAsync(http, ModelEndpoint.ChatCompletions));
            app.MapPost("/v1/responses", http => server.HandleAsync(http, ModelEndpoint.Responses));
            app.MapFallback(http => ReplyWriter.WriteJsonAsync(
                http.Response,
                StatusCodes.Status404NotFound,
                OpenAIErrors.Body(404, $"The scripted model server serves POST /v1/chat/completions and POST /v1/responses, not {http.Request.Method} {http.Request.Path}."),
                http.RequestAborted));
        }, cancellationToken);
        server._app = app;
        server.BaseUrl = root + "v1/";
        return server;
    }

    /// <summary>Queues replies for any model, answered in order by the next requests to either API.</summary>
    /// <param name="replies">The replies, built with <see cref="Reply"/>.</param>
    /// <returns>This server, to chain calls.</returns>
    public ScriptedModelServer Enqueue(params ScriptedReply[] replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        _script.Add(null, replies);
        return this;
    }

    /// <summary>
    /// Queues replies for requests that ask for <paramref name="model"/> only; they go before the shared queue. Use it
    /// when several agents with different models run at once, so each gets its own script whatever the interleaving.
    /// </summary>
    /// <param name="model">The model id, exactly as the request names it.</param>
    /// <param name="replies">The replies, built with <see cref="Reply"/>.</param>
    /// <returns>This server, to chain calls.</returns>
    public ScriptedModelServer EnqueueFor(string model, params ScriptedReply[] replies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentNullException.ThrowIfNull(replies);
        _script.Add(model, replies);
        return this;
    }

    /// <summary>Waits until at least <paramref name="count"/> requests have arrived, e.g. while the code under test runs in the background.</summary>
    /// <param name="count">The number of requests to wait for.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The first <paramref name="count"/> requests.</returns>
    /// <exception cref="TimeoutException">Fewer requests arrived in time; the message lists those that did.</exception>
    public Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return _log.WaitForAsync(count, timeout, cancellationToken);
    }

    /// <summary>An OpenAI SDK client pointed at this server, with the API key <c>test</c>.</summary>
    /// <param name="options">
    /// Client options, e.g. <c>RetryPolicy = new ClientRetryPolicy(0)</c> or <c>NetworkTimeout</c>; their
    /// <c>Endpoint</c> is set to <see cref="BaseUrl"/>.
    /// </param>
    /// <returns>The client.</returns>
    public OpenAIClient CreateOpenAIClient(OpenAIClientOptions? options = null)
    {
        options ??= new OpenAIClientOptions();
        options.Endpoint = new Uri(BaseUrl);
        return new OpenAIClient(new ApiKeyCredential("test"), options);
    }

    /// <summary>A Microsoft.Extensions.AI chat client over the OpenAI SDK's Chat Completions client, pointed at this server.</summary>
    /// <param name="model">The model id the client asks for.</param>
    /// <param name="options">Client options, as for <see cref="CreateOpenAIClient"/>.</param>
    /// <returns>The chat client.</returns>
    public IChatClient CreateChatClient(string model = "test-model", OpenAIClientOptions? options = null) =>
        CreateOpenAIClient(options).GetChatClient(model).AsIChatClient();

    /// <summary>A Microsoft.Extensions.AI chat client over the OpenAI SDK's Responses client, pointed at this server.</summary>
    /// <param name="model">The model id the client asks for.</param>
    /// <param name="options">Client options, as for <see cref="CreateOpenAIClient"/>.</param>
    /// <returns>The chat client.</returns>
    public IChatClient CreateResponsesChatClient(string model = "test-model", OpenAIClientOptions? options = null)
    {
#pragma warning disable OPENAI001 // The SDK marks its Responses client for evaluation; a test of the Responses path opts in by calling this.
        return CreateOpenAIClient(options).GetResponsesClient().AsIChatClient(model);
#pragma warning restore OPENAI001
    }

    /// <summary>Stops the server; requests still waiting on a delayed reply are dropped at once.</summary>
    /// <returns>A task that completes when the server has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext http, ModelEndpoint endpoint)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
        try
        {
            if (await ReadBodyAsync(http, cancel.Token) is not { } body)
            {
                return;
            }

            var headers = http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = _log.Add(number => new RecordedRequest(number, endpoint, http.Request.Path, body, headers));
            var reply = _script.Take(request.Model) ?? _fallback ?? NoReplyLeft(request);
            await ReplyWriter.WriteAsync(http.Response, new Answer(reply, request, DateTimeOffset.UtcNow), cancel.Token);
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The client gave up (a timeout under test) or the server is stopping: nobody is left to answer.
            http.Abort();
        }
    }

    // A body that is not a JSON object is the caller's bug, not a scripted event: it gets a 400 and uses up no reply.
    private static async Task<JsonElement?> ReadBodyAsync(HttpContext http, CancellationToken cancellationToken)
    {
        string? problem;
        try
        {
            using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document.RootElement.Clone();
            }

            problem = "The request body must be a JSON object.";
        }
        catch (JsonException error)
        {
            problem = $"The request body is not valid JSON: {error.Message}";
        }

        await OpenAIErrors.WriteAsync(http.Response, StatusCodes.Status400BadRequest, problem, null, cancellationToken);
        return null;
    }

    private static ScriptedReply NoReplyLeft(RecordedRequest request) => Reply.Error(
        StatusCodes.Status500InternalServerError,
        $"No scripted reply left for request {request}: the test sent more model requests than it scripted (Enqueue more replies, or set Fallback).");
}
