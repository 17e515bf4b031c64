namespace Orchestrator.Agents.Models;

/// <summary>A tool call the model asked for.</summary>
/// <param name="Id">The call id (answered by a tool message with the same id).</param>
/// <param name="Name">The tool's registered name (a name the request did not offer stays as the model wrote it).</param>
/// <param name="ArgumentsJson">The arguments as the model wrote them (may be malformed JSON).</param>
public sealed record ModelToolCall(string Id, string Name, string ArgumentsJson);
