using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing.Internal;

/// <summary>
/// Answers <c>POST /v1/responses</c> with a scripted message, as one response object or as the API's stream of named
/// events, each with a rising <c>sequence_number</c>.
/// </summary>
internal sealed class ResponsesHandler
{
    private const int ArgumentPieceLength = 8;

    private readonly SseWriter _events;
    private readonly Answer _answer;
    private int _sequence;

    private ResponsesHandler(SseWriter events, Answer answer)
    {
        _events = events;
        _answer = answer;
    }

    public static Task WriteAsync(HttpResponse response, Answer answer, CancellationToken cancellationToken) =>
        answer.Request.Stream
            ? new ResponsesHandler(new SseWriter(response, cancellationToken), answer).StreamAsync()
            : ReplyWriter.WriteJsonAsync(response, StatusCodes.Status200OK, ResponsesJson.Response(answer, completed: true), cancellationToken);

    // The order the API streams in: created, in progress, then per output item "added", its content or arguments as
    // deltas, "done"; finally completed with the whole response and its usage.
    private async Task StreamAsync()
    {
        await _events.StartAsync();
        await SendAsync("response.created", new() { ["response"] = ResponsesJson.Response(_answer, completed: false) });
        await SendAsync("response.in_progress", new() { ["response"] = ResponsesJson.Response(_answer, completed: false) });

        var outputIndex = 0;
        if (_answer.Reply.Content is { } text)
        {
            await StreamMessageAsync(outputIndex++, text);
        }

        for (var i = 0; i < _answer.Reply.Calls.Count; i++)
        {
            await StreamFunctionCallAsync(outputIndex++, i);
        }

        await SendAsync("response.completed", new() { ["response"] = ResponsesJson.Response(_answer, completed: true) });
    }

    private async Task StreamMessageAsync(int outputIndex, string text)
    {
        var itemId = ResponsesJson.MessageId(_answer);
        await SendAsync("response.output_item.added", new()
        {
            ["output_index"] = outputIndex,
            ["item"] = ResponsesJson.MessageItem(_answer, text, completed: false),
        });
        await SendAsync("response.content_part.added", Part(itemId, outputIndex, "part", ResponsesJson.OutputText(string.Empty)));
        foreach (var piece in TextPieces.Words(text))
        {
            var delta = Part(itemId, outputIndex, "delta", piece);
            delta["logprobs"] = new JsonArray();
            await SendAsync("response.output_text.delta", delta);
        }

        var done = Part(itemId, outputIndex, "text", text);
        done["logprobs"] = new JsonArray();
        await SendAsync("response.output_text.done", done);
        await SendAsync("response.content_part.done", Part(itemId, outputIndex, "part", ResponsesJson.OutputText(text)));
        await SendAsync("response.output_item.done", new()
        {
            ["output_index"] = outputIndex,
            ["item"] = ResponsesJson.MessageItem(_answer, text, completed: true),
        });
    }

    private async Task StreamFunctionCallAsync(int outputIndex, int call)
    {
        var itemId = ResponsesJson.FunctionCallId(_answer, call);
        var arguments = _answer.Reply.Calls[call].Arguments;
        await SendAsync("response.output_item.added", new()
        {
            ["output_index"] = outputIndex,
            ["item"] = ResponsesJson.FunctionCallItem(_answer, call, completed: false),
        });
        foreach (var piece in TextPieces.Chunks(arguments, ArgumentPieceLength))
        {
            await SendAsync("response.function_call_arguments.delta", new()
            {
                ["item_id"] = itemId,
                ["output_index"] = outputIndex,
                ["delta"] = piece,
            });
        }

        await SendAsync("response.function_call_arguments.done", new()
        {
            ["item_id"] = itemId,
            ["output_index"] = outputIndex,
            ["name"] = _answer.Reply.Calls[call].Name,
            ["arguments"] = arguments,
        });
        await SendAsync("response.output_item.done", new()
        {
            ["output_index"] = outputIndex,
            ["item"] = ResponsesJson.FunctionCallItem(_answer, call, completed: true),
        });
    }

    private static JsonObject Part(string itemId, int outputIndex, string name, JsonNode value) => new()
    {
        ["item_id"] = itemId,
        ["output_index"] = outputIndex,
        ["content_index"] = 0,
        [name] = value,
    };

    // Every event names its type twice, in the SSE "event:" field and in the data, and carries the next sequence number.
    private Task SendAsync(string type, JsonObject fields)
    {
        var data = new JsonObject { ["type"] = type, ["sequence_number"] = _sequence++ };
        foreach (var name in fields.Select(f => f.Key).ToList())
        {
            var value = fields[name];
            fields.Remove(name);
            data[name] = value;
        }

        return _events.EventAsync(type, data);
    }
}
