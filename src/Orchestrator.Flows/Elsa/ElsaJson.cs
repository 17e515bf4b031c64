using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Elsa;

/// <summary>
/// Reads and writes Elsa 3 workflow-definition JSON (docs/flows.md), tolerantly: camelCase or PascalCase keys,
/// the current and the legacy (3.0) connection shape, <c>{"$values":[…]}</c> array wrappers, either variable
/// storage-driver key (kept as written); a missing <c>version</c> is 1 and missing ids are generated. Unknown properties
/// and unknown activities are kept and written back, so <c>Write(Read(x))</c> carries everything <c>x</c> had.
/// </summary>
/// <remarks>
/// Writing uses the current shape: camelCase keys (Elsa reads keys without regard to case; browsers do not), connections
/// as <c>{source:{activity,port},target:{activity,port},vertices}</c> and plain arrays. The contents of
/// <c>customProperties</c>, <c>metadata</c> and expression values are written exactly as read. Writing is stable:
/// <c>Write(Read(Write(d))) == Write(d)</c>.
/// </remarks>
public static class ElsaJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true };

    /// <summary>Reads a definition.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The document.</returns>
    /// <exception cref="FlowFormatException">The text is not JSON, or not a definition object.</exception>
    public static FlowDocument Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: ReadOptions);
        }
        catch (JsonException e)
        {
            throw new FlowFormatException($"The definition is not valid JSON: {e.Message}");
        }

        return Read(node as JsonObject ?? throw new FlowFormatException("The definition must be a JSON object with a 'root' flowchart."));
    }

    /// <summary>Reads a definition from parsed JSON (the object is not changed; the document holds copies).</summary>
    /// <param name="json">The definition object.</param>
    /// <returns>The document.</returns>
    /// <exception cref="FlowFormatException">A field has the wrong shape (for example <c>activities</c> is not an array).</exception>
    public static FlowDocument Read(JsonObject json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return ElsaReader.Read(json);
        }
        catch (ArgumentException e)
        {
            // System.Text.Json reports a property name repeated in one object only when the object is first walked.
            throw new FlowFormatException($"The definition is not valid: {e.Message}");
        }
    }

    /// <summary>Writes a definition as indented JSON.</summary>
    /// <param name="doc">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Write(FlowDocument doc) => ToJson(doc).ToJsonString(WriteOptions);

    /// <summary>Writes a definition as a JSON object (camelCase, current connection shape).</summary>
    /// <param name="doc">The document.</param>
    /// <returns>A new object; changing it does not change the document.</returns>
    public static JsonObject ToJson(FlowDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        return ElsaWriter.Write(doc);
    }
}
