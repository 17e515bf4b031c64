using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Testing.Internal;

/// <summary>
/// The Responses API wire shapes: the <c>response</c> object, its output items (<c>message</c> with <c>output_text</c>
/// content, <c>function_call</c>) and usage, as the OpenAI API sends them and the OpenAI .NET SDK parses them.
/// </summary>
internal static class ResponsesJson
{
    public static string ResponseId(Answer answer) => $"resp_scripted_{answer.Number}";

    public static string MessageId(Answer answer) => $"msg_scripted_{answer.Number}";

    public static string FunctionCallId(Answer answer, int index) => $"fc_scripted_{answer.Number}_{index}";

    /// <summary>The response object; <paramref name="completed"/> false gives the in-progress one the stream opens with (no output, no usage).</summary>
    public static JsonObject Response(Answer answer, bool completed)
    {
        var request = answer.Request;
        return new JsonObject
        {
            ["id"] = ResponseId(answer),
            ["object"] = "response",
            ["created_at"] = answer.CreatedAt,
            ["status"] = completed ? "completed" : "in_progress",
            ["error"] = null,
            ["incomplete_details"] = null,
            ["instructions"] = request.Instructions,
            ["max_output_tokens"] = null,
            ["model"] = answer.Model,
            ["output"] = completed ? new JsonArray([.. OutputItems(answer)]) : new JsonArray(),
            ["parallel_tool_calls"] = Echo(request, "parallel_tool_calls") ?? true,
            ["previous_response_id"] = Echo(request, "previous_response_id"),
            ["reasoning"] = new JsonObject { ["effort"] = null, ["summary"] = null },
            ["store"] = Echo(request, "store") ?? true,
            ["temperature"] = Echo(request, "temperature") ?? 1.0,
            ["text"] = Echo(request, "text") ?? new JsonObject { ["format"] = new JsonObject { ["type"] = "text" } },
            ["tool_choice"] = Echo(request, "tool_choice") ?? "auto",
            ["tools"] = Echo(request, "tools") ?? new JsonArray(),
            ["top_p"] = Echo(request, "top_p") ?? 1.0,
            ["truncation"] = "disabled",
            ["usage"] = completed ? Usage(answer.Usage) : null,
            ["user"] = null,
            ["metadata"] = Echo(request, "metadata") ?? new JsonObject(),
        };
    }

    /// <summary>The output items in order: the message (if the reply has text), then one <c>function_call</c> per tool call.</summary>
    public static IEnumerable<JsonObject> OutputItems(Answer answer)
    {
        if (answer.Reply.Content is { } text)
        {
            yield return MessageItem(answer, text, completed: true);
        }

        for (var i = 0; i < answer.Reply.Calls.Count; i++)
        {
            yield return FunctionCallItem(answer, i, completed: true);
        }
    }

    /// <summary>An assistant message item; not completed, it has no content yet (the stream adds it part by part).</summary>
    public static JsonObject MessageItem(Answer answer, string text, bool completed) => new()
    {
        ["type"] = "message",
        ["id"] = MessageId(answer),
        ["status"] = completed ? "completed" : "in_progress",
        ["role"] = "assistant",
        ["content"] = completed ? new JsonArray(OutputText(text)) : new JsonArray(),
    };

    public static JsonObject OutputText(string text) => new()
    {
        ["type"] = "output_text",
        ["text"] = text,
        ["annotations"] = new JsonArray(),
        ["logprobs"] = new JsonArray(),
    };

    /// <summary>A function call item; not completed, its arguments are empty (the stream adds them as deltas).</summary>
    public static JsonObject FunctionCallItem(Answer answer, int index, bool completed) => new()
    {
        ["type"] = "function_call",
        ["id"] = FunctionCallId(answer, index),
        ["call_id"] = answer.CallId(index),
        ["name"] = answer.Reply.Calls[index].Name,
        ["arguments"] = completed ? answer.Reply.Calls[index].Arguments : string.Empty,
        ["status"] = completed ? "completed" : "in_progress",
    };

    public static JsonObject Usage(ReplyUsage usage) => new()
    {
        ["input_tokens"] = usage.Input,
        ["input_tokens_details"] = new JsonObject { ["cached_tokens"] = usage.Cached },
        ["output_tokens"] = usage.Output,
        ["output_tokens_details"] = new JsonObject { ["reasoning_tokens"] = 0 },
        ["total_tokens"] = usage.Input + usage.Output,
    };

    // The API echoes the request's settings in the response object; a null request value counts as absent.
    private static JsonNode? Echo(RecordedRequest request, string name) =>
        request.Body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? JsonNode.Parse(value.GetRawText()) : null;
}
