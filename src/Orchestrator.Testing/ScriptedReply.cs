using System.Net;

namespace Orchestrator.Testing;

/// <summary>One scripted answer of the <see cref="ScriptedModelServer"/>; build them with the static methods.</summary>
public sealed record ScriptedReply
{
    internal string? Text { get; init; }

    internal IReadOnlyList<(string Name, string Arguments)> Calls { get; init; } = [];

    internal HttpStatusCode Status { get; init; } = HttpStatusCode.OK;

    internal string? ErrorMessage { get; init; }

    internal TimeSpan? RetryAfter { get; init; }

    internal string? RawBody { get; init; }

    internal TimeSpan Delay { get; init; }

    internal (int Input, int Output, int Cached)? Usage { get; init; }

    /// <summary>A text answer.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply Reply(string text) => new() { Text = text };

    /// <summary>An answer that asks for one tool call.</summary>
    /// <param name="tool">The tool name as offered to the model.</param>
    /// <param name="arguments">The arguments (serialized to JSON).</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply ToolCall(string tool, object arguments) =>
        new() { Calls = [(tool, System.Text.Json.JsonSerializer.Serialize(arguments))] };

    /// <summary>An answer that asks for several tool calls at once (parallel tool calls).</summary>
    /// <param name="calls">The tool names and arguments.</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply ToolCalls(params (string Tool, object Arguments)[] calls) =>
        new() { Calls = [.. calls.Select(c => (c.Tool, System.Text.Json.JsonSerializer.Serialize(c.Arguments)))] };

    /// <summary>A tool call whose arguments are not valid JSON.</summary>
    /// <param name="tool">The tool name.</param>
    /// <param name="rawArguments">The broken arguments text.</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply MalformedToolCall(string tool, string rawArguments) => new() { Calls = [(tool, rawArguments)] };

    /// <summary>An HTTP error with an OpenAI-style error body (429 may carry Retry-After).</summary>
    /// <param name="status">The status code.</param>
    /// <param name="message">The error message.</param>
    /// <param name="retryAfter">The Retry-After header, if any.</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply Error(int status, string message = "scripted error", TimeSpan? retryAfter = null) =>
        new() { Status = (HttpStatusCode)status, ErrorMessage = message, RetryAfter = retryAfter };

    /// <summary>A 200 whose body is not valid JSON.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply Malformed(string body = "{not json") => new() { RawBody = body };

    /// <summary>Answers only after a delay (to provoke timeouts, or to hold a request in flight).</summary>
    /// <param name="delay">How long to wait first.</param>
    /// <returns>A copy of this reply that waits.</returns>
    public ScriptedReply After(TimeSpan delay) => this with { Delay = delay };

    /// <summary>Sets the reported token usage.</summary>
    /// <param name="input">Prompt tokens.</param>
    /// <param name="output">Completion tokens.</param>
    /// <param name="cached">Cached prompt tokens.</param>
    /// <returns>A copy with that usage.</returns>
    public ScriptedReply WithUsage(int input, int output, int cached = 0) => this with { Usage = (input, output, cached) };
}
