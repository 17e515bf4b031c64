using System.Text;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using OpenAI.Responses;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Models;

/// <summary>
/// A tool call's arguments exactly as the model wrote them. Microsoft.Extensions.AI parses them into a dictionary (and
/// drops them when they are not JSON); history records the model's own text, so a broken call can be told back to it.
/// </summary>
#pragma warning disable OPENAI001 // The Responses types are marked for evaluation by the SDK; they are read only when a model is configured with Api = responses.
internal static class RawToolArguments
{
    /// <summary>The arguments of the calls in a streamed answer, by call id (streaming keeps no raw text on the calls).</summary>
    /// <param name="updates">The streamed updates.</param>
    /// <returns>Call id to arguments text.</returns>
    public static Dictionary<string, string> FromStream(IEnumerable<ChatResponseUpdate> updates)
    {
        var byCallId = new Dictionary<string, string>(StringComparer.Ordinal);
        var chatCalls = new SortedDictionary<int, (string? Id, StringBuilder Text)>();
        foreach (var update in updates)
        {
            switch (update.RawRepresentation)
            {
                case StreamingChatCompletionUpdate { ToolCallUpdates: { Count: > 0 } parts }:
                    foreach (var part in parts)
                    {
                        var (id, text) = chatCalls.TryGetValue(part.Index, out var known) ? known : (null, new StringBuilder());
                        chatCalls[part.Index] = (id ?? part.ToolCallId, text.Append(part.FunctionArgumentsUpdate?.ToString()));
                    }

                    break;
                case StreamingResponseOutputItemDoneUpdate { Item: FunctionCallResponseItem call }:
                    byCallId[call.CallId] = call.FunctionArguments?.ToString() ?? string.Empty;
                    break;
            }
        }

        foreach (var (id, text) in chatCalls.Values)
        {
            if (id is not null)
            {
                byCallId[id] = text.ToString();
            }
        }

        return byCallId;
    }

    /// <summary>A call's arguments text.</summary>
    /// <param name="call">The call as Microsoft.Extensions.AI parsed it.</param>
    /// <param name="streamed">The arguments of a streamed answer's calls (see <see cref="FromStream"/>).</param>
    /// <returns>The text the model wrote; <c>{}</c> for none.</returns>
    public static string Of(FunctionCallContent call, IReadOnlyDictionary<string, string>? streamed)
    {
        var raw = call.RawRepresentation switch
        {
            ChatToolCall chat => chat.FunctionArguments?.ToString(),
            FunctionCallResponseItem item => item.FunctionArguments?.ToString(),
            _ => streamed is not null && streamed.TryGetValue(call.CallId, out var text) ? text : null,
        };
        if (raw is not null)
        {
            return string.IsNullOrWhiteSpace(raw) ? "{}" : raw;
        }

        // Only a client other than the OpenAI SDK's gets here: re-serialize what it parsed, or say why it could not.
        return call.Exception is { } error
            ? $"<<malformed arguments: {error.InnerException?.Message ?? error.Message}>>"
            : JsonSerializer.Serialize(call.Arguments ?? new Dictionary<string, object?>(), OrchestratorJson.Options);
    }
}
#pragma warning restore OPENAI001
