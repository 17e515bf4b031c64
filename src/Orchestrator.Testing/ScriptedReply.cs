using System.ComponentModel;
using System.Globalization;
using Orchestrator.Testing.Internal;

namespace Orchestrator.Testing;

/// <summary>
/// One scripted answer of a <see cref="ScriptedModelServer"/>: an assistant message (text, tool calls), an HTTP error,
/// a body that is not JSON, any of these after a delay. Build replies with <see cref="Testing.Reply"/>, e.g.
/// <c>Reply.Text("Your order has shipped.")</c>, and refine them with <see cref="WithUsage"/>, <see cref="WithModel"/>
/// and <see cref="After"/>.
/// </summary>
/// <remarks>
/// A reply is immutable: the modifiers return a changed copy, and one reply may be queued any number of times. The same
/// reply answers either API: the server writes it in the Chat Completions or the Responses wire format, streamed or not,
/// as the request asked.
/// </remarks>
public sealed record ScriptedReply
{
    internal ScriptedReply(ReplyKind kind) => Kind = kind;

    internal ReplyKind Kind { get; }

    internal string? Content { get; init; }

    internal IReadOnlyList<ScriptedToolCall> Calls { get; init; } = [];

    internal int Status { get; init; } = 200;

    internal string? ErrorMessage { get; init; }

    internal TimeSpan? RetryAfter { get; init; }

    internal string? RawBody { get; init; }

    internal TimeSpan Delay { get; init; }

    internal ReplyUsage? Usage { get; init; }

    internal string? Model { get; init; }

    /// <summary>Sets the token usage the reply reports, instead of the default estimate (about four characters a token).</summary>
    /// <param name="input">Input (prompt) tokens, cached ones included.</param>
    /// <param name="output">Output (completion) tokens.</param>
    /// <param name="cached">How many of the input tokens came from the prompt cache (<c>cached_tokens</c>).</param>
    /// <returns>A copy of this reply with that usage.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, or <paramref name="cached"/> exceeds <paramref name="input"/>.</exception>
    public ScriptedReply WithUsage(int input, int output, int cached = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(input);
        ArgumentOutOfRangeException.ThrowIfNegative(output);
        ArgumentOutOfRangeException.ThrowIfNegative(cached);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cached, input);
        return this with { Usage = new ReplyUsage(input, output, cached) };
    }

    /// <summary>Sets the model id the reply reports; by default it echoes the model the request asked for.</summary>
    /// <param name="model">The model id, e.g. <c>gpt-4o-2024-08-06</c>.</param>
    /// <returns>A copy of this reply that reports <paramref name="model"/>.</returns>
    public ScriptedReply WithModel(string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        return this with { Model = model };
    }

    /// <summary>Waits before answering (on top of any delay the reply already has); see <see cref="Testing.Reply.Delay"/>.</summary>
    /// <param name="delay">How long the server holds the request before it answers.</param>
    /// <returns>A copy of this reply that waits.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public ScriptedReply After(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, TimeSpan.Zero);
        return this with { Delay = Delay + delay };
    }

    /// <summary>Describes the reply, for test failure messages.</summary>
    /// <returns>For example <c>ToolCall(crm.lookup) after 00:00:05</c>.</returns>
    public override string ToString()
    {
        var what = Kind switch
        {
            ReplyKind.Error => string.Create(CultureInfo.InvariantCulture, $"Error({Status}: {ErrorMessage})"),
            ReplyKind.Malformed => $"Malformed({RawBody})",
            _ when Calls.Count > 0 => $"ToolCalls({string.Join(", ", Calls.Select(c => c.Name))})",
            _ => $"Text({Content})",
        };
        return Delay > TimeSpan.Zero ? string.Create(CultureInfo.InvariantCulture, $"{what} after {Delay}") : what;
    }

    /// <summary>Same as <see cref="Testing.Reply.Text"/>; kept for tests written before <see cref="Testing.Reply"/>.</summary>
    /// <param name="text">The assistant's text.</param>
    /// <returns>The reply.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ScriptedReply Reply(string text) => global::Orchestrator.Testing.Reply.Text(text);

    /// <summary>Same as <see cref="Testing.Reply.ToolCall"/>; kept for tests written before <see cref="Testing.Reply"/>.</summary>
    /// <param name="tool">The tool name.</param>
    /// <param name="arguments">The arguments, serialized to JSON.</param>
    /// <returns>The reply.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ScriptedReply ToolCall(string tool, object? arguments) => global::Orchestrator.Testing.Reply.ToolCall(tool, arguments);

    /// <summary>Same as <see cref="Testing.Reply.ToolCalls"/>; kept for tests written before <see cref="Testing.Reply"/>.</summary>
    /// <param name="calls">The tool names and arguments.</param>
    /// <returns>The reply.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ScriptedReply ToolCalls(params (string Tool, object? Arguments)[] calls) => global::Orchestrator.Testing.Reply.ToolCalls(calls);

    /// <summary>Same as <see cref="Testing.Reply.MalformedToolArguments"/>; kept for tests written before <see cref="Testing.Reply"/>.</summary>
    /// <param name="tool">The tool name.</param>
    /// <param name="rawArguments">The broken arguments text.</param>
    /// <returns>The reply.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ScriptedReply MalformedToolCall(string tool, string rawArguments) =>
        global::Orchestrator.Testing.Reply.MalformedToolArguments(tool, rawArguments);

    /// <summary>Same as <see cref="Testing.Reply.Error"/>; kept for tests written before <see cref="Testing.Reply"/>.</summary>
    /// <param name="status">The HTTP status code.</param>
    /// <param name="message">The error message.</param>
    /// <param name="retryAfter">The Retry-After wait, if any.</param>
    /// <returns>The reply.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ScriptedReply Error(int status, string? message = null, TimeSpan? retryAfter = null) =>
        global::Orchestrator.Testing.Reply.Error(status, message, retryAfter);

    /// <summary>Same as <see cref="Testing.Reply.Malformed"/>; kept for tests written before <see cref="Testing.Reply"/>.</summary>
    /// <param name="body">The body.</param>
    /// <returns>The reply.</returns>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ScriptedReply Malformed(string body = "{not json") => global::Orchestrator.Testing.Reply.Malformed(body);
}
