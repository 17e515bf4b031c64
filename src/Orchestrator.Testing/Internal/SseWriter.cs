using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing.Internal;

/// <summary>Writes server-sent events, flushing each so the client sees it at once.</summary>
internal sealed class SseWriter(HttpResponse response, CancellationToken cancellationToken)
{
    public async Task StartAsync()
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/event-stream; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        await response.StartAsync(cancellationToken);
    }

    /// <summary>An unnamed event (Chat Completions: <c>data: {chunk}</c>).</summary>
    public Task DataAsync(JsonNode data) => WriteAsync(Frame(null, data.ToJsonString(WireJson.Wire)));

    /// <summary>A named event (Responses API: <c>event: response.created</c> then <c>data: {…}</c>).</summary>
    public Task EventAsync(string name, JsonNode data) => WriteAsync(Frame(name, data.ToJsonString(WireJson.Wire)));

    /// <summary>Text as the data of one event, as is: <c>[DONE]</c>, or a deliberately broken body.</summary>
    public Task RawAsync(string text) => WriteAsync(Frame(null, text));

    // A data value with line breaks needs one "data:" line per line, or the client would read the rest as other fields.
    private static string Frame(string? name, string data)
    {
        var lines = data.ReplaceLineEndings("\n").Split('\n').Select(line => "data: " + line);
        return (name is null ? string.Empty : $"event: {name}\n") + string.Join('\n', lines) + "\n\n";
    }

    private async Task WriteAsync(string frame)
    {
        await response.WriteAsync(frame, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
