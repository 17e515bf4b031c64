using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing;

/// <summary>Writes scripted replies in the OpenAI chat-completions wire format (JSON or server-sent chunks).</summary>
internal static class ChatCompletionWriter
{
    public static async Task WriteAsync(HttpContext http, ScriptedReply reply, RecordedRequest request, int sequence)
    {
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, http.RequestAborted);
        }

        if (reply.ErrorMessage is not null)
        {
            http.Response.StatusCode = (int)reply.Status;
            if (reply.RetryAfter is { } wait)
            {
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            await http.Response.WriteAsJsonAsync(new { error = new { message = reply.ErrorMessage, type = "scripted_error", code = (int)reply.Status } });
            return;
        }

        if (reply.RawBody is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(reply.RawBody);
            return;
        }

        var model = request.Model ?? "test-model";
        var id = $"chatcmpl-{sequence}";
        var usage = Usage(reply, request);
        var toolCalls = reply.Calls.Select((c, i) => new { id = $"call_{sequence}_{i}", type = "function", function = new { name = c.Name, arguments = c.Arguments } }).ToArray();
        var finish = toolCalls.Length > 0 ? "tool_calls" : "stop";
        if (!request.Stream)
        {
            await http.Response.WriteAsJsonAsync(new
            {
                id,
                @object = "chat.completion",
                created = 1_700_000_000,
                model,
                choices = new[] { new { index = 0, message = new { role = "assistant", content = reply.Text, tool_calls = toolCalls.Length > 0 ? toolCalls : null }, finish_reason = finish } },
                usage,
            });
            return;
        }

        http.Response.ContentType = "text/event-stream";
        foreach (var piece in Chunks(reply.Text))
        {
            await SendAsync(http, new { id, @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = (string?)null } } });
        }

        if (toolCalls.Length > 0)
        {
            var deltas = toolCalls.Select((c, i) => new { index = i, c.id, c.type, c.function }).ToArray();
            await SendAsync(http, new { id, @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { role = "assistant", tool_calls = deltas }, finish_reason = (string?)null } } });
        }

        await SendAsync(http, new { id, @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = new[] { new { index = 0, delta = new { }, finish_reason = finish } } });
        await SendAsync(http, new { id, @object = "chat.completion.chunk", created = 1_700_000_000, model, choices = Array.Empty<object>(), usage });
        await http.Response.WriteAsync("data: [DONE]\n\n");
    }

    private static object Usage(ScriptedReply reply, RecordedRequest request)
    {
        var (input, output, cached) = reply.Usage ?? (10 * Math.Max(1, request.MessageCount), Math.Max(1, (reply.Text?.Length ?? 20) / 4), 0);
        return new { prompt_tokens = input, completion_tokens = output, total_tokens = input + output, prompt_tokens_details = new { cached_tokens = cached } };
    }

    private static IEnumerable<string> Chunks(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        for (var i = 0; i < text.Length; i += 8)
        {
            yield return text.Substring(i, Math.Min(8, text.Length - i));
        }
    }

    private static async Task SendAsync(HttpContext http, object chunk)
    {
        await http.Response.WriteAsync("data: " + JsonSerializer.Serialize(chunk) + "\n\n");
        await http.Response.Body.FlushAsync();
    }
}
