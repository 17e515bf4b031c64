using System.Text.Json;

namespace Orchestrator.Testing;

/// <summary>
/// A request the <see cref="ScriptedModelServer"/> received: which API, which model, the conversation and tools the
/// caller sent, and its headers. Assert on these to check what an agent actually asked the model.
/// </summary>
/// <example><code>
/// var second = server.Requests[1];
/// second.Tools.Should().Contain("crm_lookup");
/// second.Messages.GetRawText().Should().Contain("delivered damaged");
/// second.IdempotencyKey.Should().NotBeNull();
/// </code></example>
public sealed class RecordedRequest
{
    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement;

    internal RecordedRequest(int number, ModelEndpoint endpoint, string path, JsonElement body, IReadOnlyDictionary<string, string> headers)
    {
        Number = number;
        Endpoint = endpoint;
        Path = path;
        Body = body;
        Headers = headers;
        Messages = endpoint == ModelEndpoint.ChatCompletions ? Property("messages") ?? EmptyArray : Property("input") ?? EmptyArray;
        Tools = Property("tools") is { ValueKind: JsonValueKind.Array } tools
            ? [.. tools.EnumerateArray().Select(ToolName).OfType<string>()]
            : [];
    }

    /// <summary>The request's place in arrival order, from 1.</summary>
    public int Number { get; }

    /// <summary>The API the request was sent to.</summary>
    public ModelEndpoint Endpoint { get; }

    /// <summary>The request path, e.g. <c>/v1/chat/completions</c>.</summary>
    public string Path { get; }

    /// <summary>The whole JSON body, for anything the other properties do not lift out (<c>response_format</c>, <c>temperature</c>, …).</summary>
    public JsonElement Body { get; }

    /// <summary>The request headers (names are case-insensitive; repeated headers are joined with commas).</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>
    /// The conversation sent: the <c>messages</c> array of a chat completion, or the <c>input</c> of a Responses request
    /// (an array of items, or a plain string); an empty array when absent.
    /// </summary>
    public JsonElement Messages { get; }

    /// <summary>How many messages (or input items) the request carried; a plain-string Responses input counts as one.</summary>
    public int MessageCount => Messages.ValueKind switch
    {
        JsonValueKind.Array => Messages.GetArrayLength(),
        JsonValueKind.String => 1,
        _ => 0,
    };

    /// <summary>
    /// The names of the function tools offered to the model, in order, as sent: an agent's tool <c>crm.lookup</c> is
    /// offered as <c>crm_lookup</c>, and a scripted call of <c>crm_lookup</c> reaches <c>crm.lookup</c>.
    /// </summary>
    public IReadOnlyList<string> Tools { get; }

    /// <summary>The model id asked for.</summary>
    public string? Model => Property("model") is { ValueKind: JsonValueKind.String } model ? model.GetString() : null;

    /// <summary>Whether a streamed (server-sent events) answer was asked for.</summary>
    public bool Stream => Property("stream") is { ValueKind: JsonValueKind.True };

    /// <summary>Whether a streamed chat completion asked for a final usage chunk (<c>stream_options.include_usage</c>).</summary>
    public bool IncludeUsage =>
        Property("stream_options") is { ValueKind: JsonValueKind.Object } options
        && options.TryGetProperty("include_usage", out var include)
        && include.ValueKind == JsonValueKind.True;

    /// <summary>The <c>instructions</c> of a Responses request (system prompt), if any.</summary>
    public string? Instructions => Property("instructions") is { ValueKind: JsonValueKind.String } text ? text.GetString() : null;

    /// <summary>The <c>Authorization</c> header (e.g. <c>Bearer test</c>); any key is accepted.</summary>
    public string? Authorization => Header("Authorization");

    /// <summary>The <c>Idempotency-Key</c> header, if the caller sent one.</summary>
    public string? IdempotencyKey => Header("Idempotency-Key");

    /// <summary>A header's value.</summary>
    /// <param name="name">The header name (case-insensitive).</param>
    /// <returns>The value, or <see langword="null"/> if the request did not carry it.</returns>
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>Describes the request, for test failure messages.</summary>
    /// <returns>For example <c>#2 POST /v1/responses (gpt-4o, 3 messages, stream)</c>.</returns>
    public override string ToString() =>
        $"#{Number} POST {Path} ({Model ?? "no model"}, {MessageCount} message{(MessageCount == 1 ? string.Empty : "s")}{(Stream ? ", stream" : string.Empty)})";

    private JsonElement? Property(string name) =>
        Body.ValueKind == JsonValueKind.Object && Body.TryGetProperty(name, out var value) ? value : null;

    // Chat Completions nests the name under "function"; the Responses API puts it on the tool itself.
    private static string? ToolName(JsonElement tool)
    {
        var holder = tool.TryGetProperty("function", out var function) ? function : tool;
        return holder.ValueKind == JsonValueKind.Object && holder.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String
            ? name.GetString()
            : null;
    }
}
