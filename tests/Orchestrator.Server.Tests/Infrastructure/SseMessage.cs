using System.Text.Json;

namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>One Server-Sent Events item: a named event with JSON data, or a comment (Event null).</summary>
public sealed record SseMessage(string? Event, string? Data, string? Comment)
{
    public JsonElement Json => JsonSerializer.Deserialize<JsonElement>(Data!);
}
