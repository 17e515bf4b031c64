using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Model;

/// <summary>An Elsa expression: its kind and its value as written in the document.</summary>
/// <param name="Type">
/// The kind, case-sensitive: <c>Literal</c>, <c>Object</c> (or the obsolete <c>Json</c>), <c>Variable</c>, <c>Input</c>,
/// <c>JavaScript</c>, <c>Liquid</c>, and others that are kept but cannot run (<c>CSharp</c>, <c>Python</c>, …).
/// </param>
/// <param name="Value">
/// The value: any JSON primitive for a Literal; a string holding JSON for Object, Variable and Input; source text for
/// JavaScript and Liquid; null when missing.
/// </param>
public sealed record FlowExpression(string Type, JsonNode? Value)
{
    /// <summary>The value as text: a string as is, another JSON value as its JSON, null as null.</summary>
    public string? Text => Value switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => Value.ToJsonString(),
    };

    /// <summary>Whether both have the same kind and the same JSON value (compared by content, not by reference).</summary>
    /// <param name="other">The other expression.</param>
    /// <returns>True when equal.</returns>
    public bool Equals(FlowExpression? other) =>
        other is not null && Type == other.Type && JsonNode.DeepEquals(Value, other.Value);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Type, Value?.GetValueKind()); // Equals ignores property order, so the text cannot be hashed

    /// <summary>A Literal expression.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The expression.</returns>
    public static FlowExpression Literal(JsonNode? value) => new(FlowExpressionTypes.Literal, value);
}
