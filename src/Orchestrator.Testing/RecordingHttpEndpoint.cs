using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing;

/// <summary>
/// A local HTTP endpoint that stands in for the system an HTTP tool calls (a billing API, a ticketing system): it records
/// every request (path, body, headers such as <c>Idempotency-Key</c>) and answers with a fixed JSON body.
/// </summary>
public sealed class RecordingHttpEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RecordingHttpEndpoint(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    /// <summary>The base URL, ending in '/'.</summary>
    public string BaseUrl { get; }

    /// <summary>The requests received, in order.</summary>
    public ConcurrentQueue<RecordedHttpRequest> Requests { get; } = new();

    /// <summary>Starts an endpoint on a free loopback port; every path and method answers <paramref name="status"/> with <paramref name="reply"/>.</summary>
    /// <param name="reply">The JSON body to answer with.</param>
    /// <param name="status">The status code to answer with (a refusing or failing system: 401, 503, …).</param>
    /// <returns>The running endpoint.</returns>
    public static Task<RecordingHttpEndpoint> StartAsync(object? reply = null, int status = 200) =>
        StartAsync(http =>
        {
            http.Response.StatusCode = status;
            return http.Response.WriteAsJsonAsync(reply ?? new { status = "ok" });
        });

    /// <summary>
    /// Starts an endpoint on a free port of a loopback address that answers through <paramref name="respond"/>, e.g. a
    /// redirect, or a second endpoint on 127.0.0.2 or ::1 that a test expects never to be reached.
    /// </summary>
    /// <param name="respond">Writes the answer (the request is recorded before).</param>
    /// <param name="address">The loopback address to listen on.</param>
    /// <returns>The running endpoint.</returns>
    public static async Task<RecordingHttpEndpoint> StartAsync(Func<HttpContext, Task> respond, string address = "127.0.0.1")
    {
        ArgumentNullException.ThrowIfNull(respond);
        RecordingHttpEndpoint? self = null;
        var (app, baseUrl) = await LoopbackApp.StartAsync(
            app => app.Run(async http =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var body = await reader.ReadToEndAsync();
                self!.Requests.Enqueue(new RecordedHttpRequest(
                    http.Request.Method, http.Request.Path + http.Request.QueryString, body,
                    http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
                await respond(http);
            }),
            address: address);
        self = new RecordingHttpEndpoint(app, baseUrl);
        return self;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
