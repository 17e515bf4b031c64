using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;

namespace Orchestrator.Server.Streaming;

/// <summary>Writes Server-Sent Events: named events with one-line JSON data, and comment lines; each flushed at once.</summary>
internal sealed class SseWriter(HttpResponse response, JsonSerializerOptions jsonOptions)
{
    /// <summary>The comment that opens every stream.</summary>
    public const string OpenComment = "stream open";

    /// <summary>
    /// Sends the stream's headers with a first comment, flushed at once: Kestrel holds the headers of a started response
    /// until the first body write, and a stream with nothing to say yet would otherwise look stuck until its first
    /// event or keep-alive.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache, no-store";

        // Proxies such as nginx would otherwise hold events back in their buffers.
        response.Headers["X-Accel-Buffering"] = "no";
        response.HttpContext.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        await response.StartAsync(cancellationToken);
        await WriteCommentAsync(OpenComment, cancellationToken);
    }

    /// <summary>Sends one event; the data is serialized without line breaks, so it fits one <c>data:</c> line.</summary>
    public Task WriteEventAsync<T>(string name, T data, CancellationToken cancellationToken) =>
        WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, jsonOptions)}\n\n", cancellationToken);

    /// <summary>Sends a comment line, which clients ignore; used to keep idle connections open.</summary>
    public Task WriteCommentAsync(string text, CancellationToken cancellationToken) =>
        WriteAsync($": {text}\n\n", cancellationToken);

    private async Task WriteAsync(string text, CancellationToken cancellationToken)
    {
        await response.Body.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
