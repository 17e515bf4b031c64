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
        if (request.Stream)
        {
            // The SDK versions this kit ships with do not agree on the streaming Responses call, so it is not scripted.
            await ChatCompletionWriter.WriteAsync(http, ScriptedReply.Error(400, "The scripted server answers the Responses API without streaming; set stream to false."), request, sequence);
            return;
        }

        await http.Response.WriteAsJsonAsync(response);
    }

}
