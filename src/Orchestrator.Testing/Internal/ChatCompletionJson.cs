using System.Text.Json.Nodes;

namespace Orchestrator.Testing.Internal;

/// <summary>
/// The Chat Completions wire shapes (<c>chat.completion</c> and <c>chat.completion.chunk</c>) as the OpenAI API sends
/// them and the OpenAI .NET SDK parses them. The SDK is strict about two values: <c>finish_reason</c> must be one it
/// knows (<c>stop</c>, <c>tool_calls</c>, …) and a tool call's <c>type</c> must be <c>function</c>.
/// </summary>
internal static class ChatCompletionJson
{
    private const string Fingerprint = "fp_scripted";

    public static string Id(Answer answer) => $"chatcmpl-scripted-{answer.Number}";

    public static string FinishReason(Answer answer) => answer.HasToolCalls ? "tool_calls" : "stop";

    public static JsonObject Completion(Answer answer)
    {
        var message = new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = answer.Reply.Content,
            ["refusal"] = null,
        };
        if (answer.HasToolCalls)
        {
            message["tool_calls"] = new JsonArray([.. answer.Reply.Calls.Select((call, i) => ToolCall(answer, i))]);
        }

        var completion = Envelope(answer, "chat.completion");
        completion["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["message"] = message,
            ["logprobs"] = null,
            ["finish_reason"] = FinishReason(answer),
        });
        completion["usage"] = Usage(answer.Usage);
        return completion;
    }

    /// <summary>A chunk with one choice; with <c>include_usage</c> every chunk carries <c>"usage": null</c> until the last.</summary>
    public static JsonObject Chunk(Answer answer, JsonObject delta, string? finishReason = null)
    {
        var chunk = Envelope(answer, "chat.completion.chunk");
        chunk["choices"] = new JsonArray(new JsonObject
        {
            ["index"] = 0,
            ["delta"] = delta,
            ["logprobs"] = null,
            ["finish_reason"] = finishReason,
        });
        if (answer.Request.IncludeUsage)
        {
            chunk["usage"] = null;
        }

        return chunk;
    }

    /// <summary>The extra last chunk <c>stream_options.include_usage</c> asks for: no choices, only usage.</summary>
    public static JsonObject UsageChunk(Answer answer)
    {
        var chunk = Envelope(answer, "chat.completion.chunk");
        chunk["choices"] = new JsonArray();
        chunk["usage"] = Usage(answer.Usage);
        return chunk;
    }

    /// <summary>The first delta of a streamed tool call: index, id, type and name, with empty arguments to follow.</summary>
    public static JsonObject ToolCallStart(Answer answer, int index) => new()
    {
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["index"] = index,
            ["id"] = answer.CallId(index),
            ["type"] = "function",
            ["function"] = new JsonObject { ["name"] = answer.Reply.Calls[index].Name, ["arguments"] = string.Empty },
        }),
    };

    /// <summary>A later delta of a streamed tool call: only the index and a piece of the arguments.</summary>
    public static JsonObject ToolCallArguments(int index, string piece) => new()
    {
        ["tool_calls"] = new JsonArray(new JsonObject
        {
            ["index"] = index,
            ["function"] = new JsonObject { ["arguments"] = piece },
        }),
    };

    public static JsonObject Usage(ReplyUsage usage) => new()
    {
        ["prompt_tokens"] = usage.Input,
        ["completion_tokens"] = usage.Output,
        ["total_tokens"] = usage.Input + usage.Output,
        ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = usage.Cached, ["audio_tokens"] = 0 },
        ["completion_tokens_details"] = new JsonObject
        {
            ["reasoning_tokens"] = 0,
            ["audio_tokens"] = 0,
            ["accepted_prediction_tokens"] = 0,
            ["rejected_prediction_tokens"] = 0,
        },
    };

    private static JsonObject ToolCall(Answer answer, int index) => new()
    {
        ["id"] = answer.CallId(index),
        ["type"] = "function",
        ["function"] = new JsonObject
        {
            ["name"] = answer.Reply.Calls[index].Name,
            ["arguments"] = answer.Reply.Calls[index].Arguments,
        },
    };

    private static JsonObject Envelope(Answer answer, string kind) => new()
    {
        ["id"] = Id(answer),
        ["object"] = kind,
        ["created"] = answer.CreatedAt,
        ["model"] = answer.Model,
        ["service_tier"] = "default",
        ["system_fingerprint"] = Fingerprint,
    };
}
