using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing;

/// <summary>Writes scripted replies in the OpenAI Responses API wire format (JSON or server-sent events).</summary>
internal static class ResponsesWriter
{
    public static async Task WriteAsync(HttpContext http, ScriptedReply reply, RecordedRequest request, int sequence)
    {
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, http.RequestAborted);
        }

        if (reply.ErrorMessage is not null || reply.RawBody is not null)
        {
            await ChatCompletionWriter.WriteAsync(http, reply with { Delay = TimeSpan.Zero }, request, sequence);
            return;
        }

        var id = $"resp_{sequence}";
        var model = request.Model ?? "test-model";
        var output = new List<object>();
        if (!string.IsNullOrEmpty(reply.Text))
        {
            output.Add(new
            {
                type = "message",
                id = $"msg_{sequence}",
                status = "completed",
                role = "assistant",
                content = new[] { new { type = "output_text", text = reply.Text, annotations = Array.Empty<object>() } },
            });
        }

        output.AddRange(reply.Calls.Select((c, i) => (object)new
        {
            type = "function_call",
            id = $"fc_{sequence}_{i}",
            call_id = $"call_{sequence}_{i}",
            name = c.Name,
            arguments = c.Arguments,
            status = "completed",
        }));
        var (input, outputTokens, cached) = reply.Usage ?? (10 * Math.Max(1, request.MessageCount), Math.Max(1, (reply.Text?.Length ?? 20) / 4), 0);
        var response = new
        {
            id,
            @object = "response",
            created_at = 1_700_000_000,
            status = "completed",
            model,
            output,
            parallel_tool_calls = true,
            tool_choice = "auto",
            tools = Array.Empty<object>(),
            usage = new
            {
                input_tokens = input,
                input_tokens_details = new { cached_tokens = cached },
                output_tokens = outputTokens,
                output_tokens_details = new { reasoning_tokens = 0 },
                total_tokens = input + outputTokens,
            },
        };
        if (!request.Stream)
        {
            await http.Response.WriteAsJsonAsync(response);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        var number = 0;
        await SendAsync(http, "response.created", new { type = "response.created", sequence_number = number++, response = response with { status = "in_progress", output = new List<object>() } });
        foreach (var piece in Pieces(reply.Text))
        {
            await SendAsync(http, "response.output_text.delta", new
            {
                type = "response.output_text.delta",
                sequence_number = number++,
                item_id = $"msg_{sequence}",
                output_index = 0,
                content_index = 0,
                delta = piece,
            });
        }

        for (var i = 0; i < output.Count; i++)
        {
            await SendAsync(http, "response.output_item.done", new { type = "response.output_item.done", sequence_number = number++, output_index = i, item = output[i] });
        }

        await SendAsync(http, "response.completed", new { type = "response.completed", sequence_number = number, response });
    }

    private static IEnumerable<string> Pieces(string? text)
    {
        for (var i = 0; text is not null && i < text.Length; i += 8)
        {
            yield return text.Substring(i, Math.Min(8, text.Length - i));
        }
    }

    private static async Task SendAsync(HttpContext http, string name, object data)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data)}\n\n");
        await http.Response.Body.FlushAsync();
    }
}
