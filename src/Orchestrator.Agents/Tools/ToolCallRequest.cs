namespace Orchestrator.Agents.Tools;

/// <summary>A tool call as recorded in history.</summary>
/// <param name="Tool">The tool name.</param>
/// <param name="ArgumentsJson">The arguments as a JSON object.</param>
public sealed record ToolCallRequest(string Tool, string? ArgumentsJson);
