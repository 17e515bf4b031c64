namespace Orchestrator.Agents.Models;

/// <summary>One chat message as recorded in history: who said it, the text, and any tool calls or tool result.</summary>
/// <param name="Role"><c>system</c>, <c>user</c>, <c>assistant</c> or <c>tool</c>.</param>
/// <param name="Content">The text (for a tool message: the tool's result as text/JSON).</param>
/// <param name="ToolCalls">For an assistant message: the tools it asked to call.</param>
/// <param name="ToolCallId">For a tool message: the call it answers.</param>
public sealed record ModelMessage(string Role, string? Content, IReadOnlyList<ModelToolCall>? ToolCalls = null, string? ToolCallId = null)
{
    /// <summary>A system message.</summary>
    /// <param name="text">The instructions.</param>
    /// <returns>The message.</returns>
    public static ModelMessage System(string text) => new("system", text);

    /// <summary>A user message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    public static ModelMessage User(string text) => new("user", text);

    /// <summary>An assistant message.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The message.</returns>
    public static ModelMessage Assistant(string text) => new("assistant", text);

    /// <summary>A tool result answering a call.</summary>
    /// <param name="toolCallId">The call's id.</param>
    /// <param name="result">The result as text or JSON.</param>
    /// <returns>The message.</returns>
    public static ModelMessage Tool(string toolCallId, string result) => new("tool", result, null, toolCallId);
}
