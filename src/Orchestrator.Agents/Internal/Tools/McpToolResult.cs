using System.Text.Json;
using System.Text.Json.Nodes;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>
/// An MCP tool result as the JSON a workflow gets: the structured content if the tool gave one, else its text (parsed
/// when it is JSON, a JSON string when not); content other than text is passed on as MCP content blocks. A result
/// with <c>isError</c> becomes a <see cref="ToolCallFailedException"/> carrying its text.
/// </summary>
internal static class McpToolResult
{
    private const int MaxErrorText = 2000;

    public static string ToJson(string tool, CallToolResult result)
    {
        var texts = result.Content.OfType<TextContentBlock>().Select(t => t.Text).ToList();
        if (result.IsError == true)
        {
            var text = texts.Count == 0 ? "(no message)" : string.Join("\n", texts);
            throw new ToolCallFailedException($"The MCP tool '{tool}' reported an error: {(text.Length <= MaxErrorText ? text : text[..MaxErrorText] + "…")}");
        }

        if (result.StructuredContent is { ValueKind: not JsonValueKind.Undefined } structured)
        {
            return structured.GetRawText();
        }

        if (texts.Count != result.Content.Count)
        {
            return JsonSerializer.Serialize(result.Content, McpJsonUtilities.DefaultOptions);
        }

        return texts.Count switch
        {
            0 => "null",
            1 => AsJson(texts[0]).ToJsonString(),
            _ => new JsonArray([.. texts.Select(AsJson)]).ToJsonString(),
        };
    }

    private static JsonNode AsJson(string text)
    {
        try
        {
            return JsonNode.Parse(text) ?? JsonValue.Create(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
