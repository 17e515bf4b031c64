using Orchestrator.Cli.Sse;

namespace Orchestrator.Cli.Api;

/// <summary>An open <c>GET /api/instances/{id}/stream</c> response; disposing it closes the connection.</summary>
internal sealed class EventStream(HttpResponseMessage response, Stream body) : IDisposable
{
    /// <summary>The server-sent events in arrival order, until the server closes the stream.</summary>
    public IAsyncEnumerable<SseEvent> ReadEventsAsync(CancellationToken cancellationToken) => SseReader.ReadAsync(body, cancellationToken);

    public void Dispose()
    {
        body.Dispose();
        response.Dispose();
    }
}
