using System.Text.Json;
using Microsoft.Extensions.AI;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>
/// Between the history format (<see cref="ModelRequest"/>, <see cref="ModelResponse"/>) and Microsoft.Extensions.AI.
/// History names tools as registered; the <see cref="ModelToolNames"/> of the request rename them on the way out and back.
/// </summary>
internal static class ChatMapping
{
    public static List<ChatMessage> ToChatMessages(IReadOnlyList<ModelMessage> messages, ModelToolNames names) =>
        [.. messages.Select(m => ToChatMessage(names.ToWire(m)))];

    public static ChatOptions ToOptions(ModelRequest request, ModelToolNames names)
    {
        var options = new ChatOptions { Temperature = request.Temperature, MaxOutputTokens = request.MaxOutputTokens };
        if (request.Tools is { Count: > 0 } tools)
        {
            options.Tools = [.. tools.Select(t => (AITool)AIFunctionFactory.CreateDeclaration(names.ToWire(t.Name), t.Description, t.Parameters))];
        }

        if (request.ResponseSchema is { } schema)
        {
            options.ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, request.ResponseSchemaName ?? "answer");
        }

        return options;
    }

    /// <summary>The assistant's answer: its text, and its tool calls (named as registered) with their arguments as the model wrote them.</summary>
    /// <param name="response">The response.</param>
    /// <param name="names">The tool names of the request.</param>
    /// <param name="streamedArguments">For a streamed answer, the tool calls' arguments (see <see cref="RawToolArguments.FromStream"/>).</param>
    /// <returns>The message for history.</returns>
    public static ModelMessage ToModelMessage(ChatResponse response, ModelToolNames names, IReadOnlyDictionary<string, string>? streamedArguments = null)
    {
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        var calls = contents.OfType<FunctionCallContent>()
            .Select(call => new ModelToolCall(call.CallId, names.FromWire(call.Name), RawToolArguments.Of(call, streamedArguments)))
            .ToList();
        var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
        return new ModelMessage("assistant", text.Length == 0 ? null : text, calls.Count == 0 ? null : calls);
    }

    /// <summary>Why the model stopped; the Responses API leaves it unset on a plain answer, where tool calls still tell.</summary>
    /// <param name="response">The response.</param>
    /// <param name="message">The answer as mapped.</param>
    /// <returns><c>stop</c>, <c>tool_calls</c>, <c>length</c>, …, or null when unknown.</returns>
    public static string? FinishReason(ChatResponse response, ModelMessage message) =>
        response.FinishReason?.Value ?? (message.ToolCalls is { Count: > 0 } ? ChatFinishReason.ToolCalls.Value : null);

    public static TokenUsage ToUsage(UsageDetails? usage) =>
        usage is null ? TokenUsage.Zero : new TokenUsage(usage.InputTokenCount ?? 0, usage.CachedInputTokenCount ?? 0, usage.OutputTokenCount ?? 0);

    private static ChatMessage ToChatMessage(ModelMessage message)
    {
        var role = message.Role switch
        {
            "system" => ChatRole.System,
            "assistant" => ChatRole.Assistant,
            "tool" => ChatRole.Tool,
            _ => ChatRole.User,
        };
        if (message.Role == "tool")
        {
            return new ChatMessage(role, [new FunctionResultContent(message.ToolCallId ?? string.Empty, message.Content ?? string.Empty)]);
        }

        var contents = new List<AIContent>();
        if (!string.IsNullOrEmpty(message.Content))
        {
            contents.Add(new TextContent(message.Content));
        }

        foreach (var call in message.ToolCalls ?? [])
        {
            contents.Add(new FunctionCallContent(call.Id, call.Name, ArgumentsForReplay(call.ArgumentsJson)));
        }

        return new ChatMessage(role, contents);
    }

    // The SDK sends a call's arguments as a JSON object. A call whose arguments the model broke goes back as an empty
    // object: the tool message answering it tells the model what was wrong with what it wrote.
    private static Dictionary<string, object?> ArgumentsForReplay(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                var arguments = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var property in document.RootElement.EnumerateObject())
                {
                    arguments[property.Name] = property.Value.Clone();
                }

                return arguments;
            }
        }
        catch (JsonException)
        {
            // Not JSON: sent as the empty object, as said above; the broken text stays in history.
        }

        return [];
    }
}
