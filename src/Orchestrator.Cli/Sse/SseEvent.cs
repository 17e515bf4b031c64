namespace Orchestrator.Cli.Sse;

/// <summary>One dispatched server-sent event.</summary>
/// <param name="Event">The event name; <c>message</c> when the server named none.</param>
/// <param name="Data">The data lines joined with <c>\n</c>.</param>
/// <param name="Id">The last event id seen on the stream, if any.</param>
internal sealed record SseEvent(string Event, string Data, string? Id = null);
