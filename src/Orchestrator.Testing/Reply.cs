using System.Text.Json;
using Orchestrator.Testing.Internal;

namespace Orchestrator.Testing;

/// <summary>
/// Builds the replies a <see cref="ScriptedModelServer"/> answers with: what the model "says" next in a test.
/// </summary>
/// <remarks>
/// Every reply works for both APIs the server speaks (Chat Completions and Responses), streamed or not. Refine a reply
/// with <see cref="ScriptedReply.WithUsage"/> (token counts, cached tokens included) and
/// <see cref="ScriptedReply.WithModel"/> (the model id reported back).
/// </remarks>
/// <example><code>
/// server.Enqueue(
///     Reply.ToolCall("crm.lookup", new { orderId = "42" }).WithUsage(input: 120, output: 12, cached: 100),
///     Reply.Error(429, retryAfter: TimeSpan.FromSeconds(1)),
///     Reply.Text("Order 42 shipped on Monday."));
/// </code></example>
public static class Reply
{
    /// <summary>An assistant message with text (finish reason <c>stop</c>).</summary>
    /// <param name="text">What the assistant says.</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply Text(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new ScriptedReply(ReplyKind.Message) { Content = text };
    }

    /// <summary>
    /// An assistant message whose text is <paramref name="value"/> as JSON: the answer to a request for structured output
    /// (<c>response_format</c> / <c>text.format</c> of type <c>json_schema</c>), e.g. for M.E.AI's <c>GetResponseAsync&lt;T&gt;</c>.
    /// </summary>
    /// <param name="value">
    /// The value, serialized with <see cref="JsonSerializerDefaults.Web"/> (camelCase names, as M.E.AI reads them); a
    /// <see cref="string"/> is taken as JSON text and sent as is.
    /// </param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentException"><paramref name="value"/> is a string that is not valid JSON (use <see cref="Text"/> for prose).</exception>
    public static ScriptedReply Json(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value is not string json)
        {
            return Text(JsonSerializer.Serialize(value, WireJson.Web));
        }

        if (!WireJson.IsValid(json))
        {
            throw new ArgumentException("The text is not valid JSON; use Reply.Text for prose or Reply.Malformed for a broken body.", nameof(value));
        }

        return Text(json);
    }

    /// <summary>An assistant message that asks for one tool call (finish reason <c>tool_calls</c>).</summary>
    /// <param name="name">The tool (function) name, as offered to the model.</param>
    /// <param name="arguments">
    /// The arguments, serialized with <see cref="JsonSerializerDefaults.Web"/> (an anonymous object keeps its names:
    /// <c>new { orderId = "42" }</c> sends <c>{"orderId":"42"}</c>); <see langword="null"/> sends <c>{}</c>.
    /// </param>
    /// <returns>The reply.</returns>
    public static ScriptedReply ToolCall(string name, object? arguments = null) => ToolCalls((name, arguments));

    /// <summary>An assistant message that asks for several tool calls at once (parallel tool calls), in this order.</summary>
    /// <param name="calls">The tool names and their arguments (serialized to JSON objects; <see langword="null"/> sends <c>{}</c>).</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply ToolCalls(params (string Name, object? Arguments)[] calls)
    {
        ArgumentNullException.ThrowIfNull(calls);
        ArgumentOutOfRangeException.ThrowIfZero(calls.Length);
        var scripted = new ScriptedToolCall[calls.Length];
        for (var i = 0; i < calls.Length; i++)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(calls[i].Name, nameof(calls));
            scripted[i] = new ScriptedToolCall(calls[i].Name, calls[i].Arguments is null ? "{}" : JsonSerializer.Serialize(calls[i].Arguments, WireJson.Web));
        }

        return new ScriptedReply(ReplyKind.Message) { Calls = scripted };
    }

    /// <summary>A tool call whose arguments are not valid JSON, to test how an agent copes with a model's broken output.</summary>
    /// <param name="name">The tool name.</param>
    /// <param name="rawArguments">The arguments text, sent exactly as given, e.g. <c>{"orderId": </c>.</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply MalformedToolArguments(string name, string rawArguments)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(rawArguments);
        return new ScriptedReply(ReplyKind.Message) { Calls = [new ScriptedToolCall(name, rawArguments)] };
    }

    /// <summary>
    /// An HTTP error with an OpenAI-style body (<c>{"error":{"message":…,"type":…,"code":…}}</c>), e.g. 429 with
    /// <c>Retry-After</c>, 500, or 400 with a message such as "context length exceeded".
    /// </summary>
    /// <param name="status">The HTTP status code, 400 to 599.</param>
    /// <param name="message">The error message; by default one that names the status.</param>
    /// <param name="retryAfter">
    /// Sent as <c>Retry-After</c> (whole seconds, rounded up) and <c>retry-after-ms</c>; the OpenAI SDK's own retry policy
    /// honours both, so turn it off (<c>ClientRetryPolicy(0)</c>) to see the error.
    /// </param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="status"/> is not an error status, or <paramref name="retryAfter"/> is negative.</exception>
    public static ScriptedReply Error(int status, string? message = null, TimeSpan? retryAfter = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(status, 400);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(status, 599);
        if (retryAfter is { } wait)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(wait, TimeSpan.Zero, nameof(retryAfter));
        }

        return new ScriptedReply(ReplyKind.Error)
        {
            Status = status,
            ErrorMessage = message ?? $"Scripted error {status}.",
            RetryAfter = retryAfter,
        };
    }

    /// <summary>
    /// A 200 whose body is not valid JSON, to test how a caller copes with a broken provider. A streaming request gets
    /// the text as the data of one server-sent event.
    /// </summary>
    /// <param name="body">The body text.</param>
    /// <returns>The reply.</returns>
    public static ScriptedReply Malformed(string body = "{not json")
    {
        ArgumentNullException.ThrowIfNull(body);
        return new ScriptedReply(ReplyKind.Malformed) { RawBody = body };
    }

    /// <summary>
    /// Holds the request for <paramref name="delay"/>, then answers with <paramref name="then"/>: provokes client timeouts
    /// (<c>OpenAIClientOptions.NetworkTimeout</c>) or keeps a call in flight while the test does something else.
    /// </summary>
    /// <param name="delay">How long to wait before answering. A client that gives up meanwhile is not answered.</param>
    /// <param name="then">The reply to send after the wait.</param>
    /// <returns>The reply.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delay"/> is negative.</exception>
    public static ScriptedReply Delay(TimeSpan delay, ScriptedReply then)
    {
        ArgumentNullException.ThrowIfNull(then);
        return then.After(delay);
    }
}
