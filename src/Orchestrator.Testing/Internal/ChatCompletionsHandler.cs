using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Orchestrator.Testing.Internal;

/// <summary>Answers <c>POST /v1/chat/completions</c> with a scripted message, as one JSON body or as streamed chunks.</summary>
internal static class ChatCompletionsHandler
{
    private const int ArgumentPieceLength = 8;

    public static Task WriteAsync(HttpResponse response, Answer answer, CancellationToken cancellationToken) =>
        answer.Request.Stream
            ? StreamAsync(new SseWriter(response, cancellationToken), answer)
            : ReplyWriter.WriteJsonAsync(response, StatusCodes.Status200OK, ChatCompletionJson.Completion(answer), cancellationToken);

    // The order the API streams in: the role, the text word by word, each tool call (its id and name, then its
    // arguments in pieces), a chunk with the finish reason, the usage chunk if asked for, and [DONE].
    private static async Task StreamAsync(SseWriter events, Answer answer)
    {
        await events.StartAsync();
        var text = answer.Reply.Content;
        await events.DataAsync(ChatCompletionJson.Chunk(answer, new JsonObject
        {
            ["role"] = "assistant",
            ["content"] = text is null ? null : string.Empty,
            ["refusal"] = null,
        }));

        foreach (var piece in TextPieces.Words(text ?? string.Empty))
        {
            await events.DataAsync(ChatCompletionJson.Chunk(answer, new JsonObject { ["content"] = piece }));
        }

        for (var i = 0; i < answer.Reply.Calls.Count; i++)
        {
            await events.DataAsync(ChatCompletionJson.Chunk(answer, ChatCompletionJson.ToolCallStart(answer, i)));
            foreach (var piece in TextPieces.Chunks(answer.Reply.Calls[i].Arguments, ArgumentPieceLength))
            {
                await events.DataAsync(ChatCompletionJson.Chunk(answer, ChatCompletionJson.ToolCallArguments(i, piece)));
            }
        }

        await events.DataAsync(ChatCompletionJson.Chunk(answer, new JsonObject(), ChatCompletionJson.FinishReason(answer)));
        if (answer.Request.IncludeUsage)
        {
            await events.DataAsync(ChatCompletionJson.UsageChunk(answer));
        }

        await events.RawAsync("[DONE]");
    }
}
