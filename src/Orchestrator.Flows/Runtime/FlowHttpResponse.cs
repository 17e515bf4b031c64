using System.Text.Json;

namespace Orchestrator.Flows.Runtime;

/// <summary>The result of the <c>flow.http</c> step.</summary>
/// <param name="StatusCode">The response status, or null when there was no response.</param>
/// <param name="ParsedContent">The body: parsed JSON when it is JSON, else a string; null when empty.</param>
/// <param name="Headers">The response headers.</param>
/// <param name="Failure"><c>Failed to connect</c> or <c>Timeout</c> when there was no response.</param>
/// <param name="Error">What went wrong, when there was no response.</param>
internal sealed record FlowHttpResponse(int? StatusCode, JsonElement? ParsedContent, IReadOnlyDictionary<string, string> Headers, string? Failure, string? Error);
