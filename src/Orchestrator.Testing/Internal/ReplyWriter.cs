using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing.Internal;

/// <summary>Sends a scripted reply: waits if it should, then writes an error, a broken body, or the answer in the request's wire format.</summary>
internal static class ReplyWriter
{
    public static async Task WriteAsync(HttpResponse response, Answer answer, CancellationToken cancellationToken)
    {
        var reply = answer.Reply;
        if (reply.Delay > TimeSpan.Zero)
        {
            await Task.Delay(reply.Delay, cancellationToken);
        }

        switch (reply.Kind)
        {
            case ReplyKind.Error:
                await OpenAIErrors.WriteAsync(response, reply.Status, reply.ErrorMessage!, reply.RetryAfter, cancellationToken);
                break;
            case ReplyKind.Malformed when answer.Request.Stream:
                var events = new SseWriter(response, cancellationToken);
                await events.StartAsync();
                await events.RawAsync(reply.RawBody!);
                break;
            case ReplyKind.Malformed:
                response.StatusCode = StatusCodes.Status200OK;
                response.ContentType = "application/json";
                await response.WriteAsync(reply.RawBody!, cancellationToken);
                break;
            case ReplyKind.Message when answer.Request.Endpoint == ModelEndpoint.ChatCompletions:
                await ChatCompletionsHandler.WriteAsync(response, answer, cancellationToken);
                break;
            case ReplyKind.Message:
                await ResponsesHandler.WriteAsync(response, answer, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"Unknown reply kind {reply.Kind}.");
        }
    }

    public static async Task WriteJsonAsync(HttpResponse response, int status, JsonNode body, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(body.ToJsonString(WireJson.Wire), cancellationToken);
    }
}
