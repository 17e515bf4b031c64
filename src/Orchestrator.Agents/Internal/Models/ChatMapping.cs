using System.Text.Json;
using Microsoft.Extensions.AI;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>Between the history format (<see cref="ModelRequest"/>, <see cref="ModelResponse"/>) and Microsoft.Extensions.AI.</summary>
internal static class ChatMapping
{
    public static List<ChatMessage> ToChatMessages(IReadOnlyList<ModelMessage> messages) => [.. messages.Select(ToChatMessage)];

    public static ChatOptions ToOptions(ModelRequest request)
    {
        var options = new ChatOptions { Temperature = request.Temperature, MaxOutputTokens = request.MaxOutputTokens };
        if (request.Tools is { Count: > 0 } tools)
        {
            options.Tools = [.. tools.Select(t => (AITool)AIFunctionFactory.CreateDeclaration(t.Name, t.Description, t.Parameters))];
        }

        if (request.ResponseSchema is { } schema)
        {
            options.ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, request.ResponseSchemaName ?? "answer");
        }

        return options;
    }

    public static ModelMessage ToModelMessage(ChatResponse response)
    {
        var contents = response.Messages.SelectMany(m => m.Contents).ToList();
        var calls = contents.OfType<FunctionCallContent>().Select(ToToolCall).ToList();
        var text = string.Concat(contents.OfType<TextContent>().Select(t => t.Text));
        return new ModelMessage("assistant", text.Length == 0 ? null : text, calls.Count == 0 ? null : calls);
    }

    public static TokenUsage ToUsage(UsageDetails? usage) =>
        usage is null ? TokenUsage.Zero : new TokenUsage(usage.InputTokenCount ?? 0, usage.CachedInputTokenCount ?? 0, usage.OutputTokenCount ?? 0);

    private static ModelToolCall ToToolCall(FunctionCallContent call) =>
        new(call.CallId, call.Name, call.Exception is { } error
            ? $"<<malformed arguments: {error.Message}>>"
            : JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>()));

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
            return new ChatMessage(role, [new FunctionResultContent(message.ToolCallId ?? string.Empty, message.Content)]);
        }

        var contents = new List<AIContent>();
        if (!string.IsNullOrEmpty(message.Content))
        {
            contents.Add(new TextContent(message.Content));
        }

        foreach (var call in message.ToolCalls ?? [])
        {
            contents.Add(new FunctionCallContent(call.Id, call.Name, ParseArguments(call.ArgumentsJson)));
        }

        return new ChatMessage(role, contents);
    }

    private static Dictionary<string, object?> ParseArguments(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, object?>>(json) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }
}
