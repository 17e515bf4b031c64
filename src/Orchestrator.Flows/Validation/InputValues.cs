using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Validation;

/// <summary>Reading the values of inputs whose expression is known before the flow runs (Literal and Object).</summary>
internal static class InputValues
{
    /// <summary>Whether an input has no value: not set, no expression, or an empty literal or source text.</summary>
    public static bool IsMissing(FlowInput? input) => input?.Expression switch
    {
        null => true,
        { Type: FlowExpressionTypes.Literal, Value: null } => true,
        { Type: FlowExpressionTypes.Literal, Value: JsonValue v } when v.GetValueKind() == JsonValueKind.Null => true,
        var e => e.Value is JsonValue && string.IsNullOrWhiteSpace(e.Text),
    };

    /// <summary>Whether the value is fixed in the document (Literal, Object or Json), so it can be checked now.</summary>
    public static bool IsConstant(FlowInput? input) =>
        input?.Expression?.Type is FlowExpressionTypes.Literal or FlowExpressionTypes.Object or FlowExpressionTypes.Json;

    /// <summary>The text of a Literal input, or null when the input is not a literal string.</summary>
    public static string? LiteralText(FlowInput? input) =>
        input?.Expression is { Type: FlowExpressionTypes.Literal } e && e.Value is JsonValue ? e.Text : null;

    /// <summary>
    /// The JSON value of a constant input: a Literal's value (a string holding a JSON array or object is parsed), an
    /// Object expression's parsed text; null when not constant or not JSON.
    /// </summary>
    public static JsonNode? ConstantJson(FlowInput? input)
    {
        if (!IsConstant(input) || input!.Expression!.Value is not { } value)
        {
            return null;
        }

        if (value is JsonValue v && v.TryGetValue<string>(out var text))
        {
            var trimmed = text.TrimStart();
            if (input.Expression.Type != FlowExpressionTypes.Literal || trimmed.StartsWith('[') || trimmed.StartsWith('{'))
            {
                return FlowValues.TryParse(text, out var parsed) ? parsed : null;
            }
        }

        return value;
    }

    /// <summary>
    /// The strings of a constant list input (<c>["a","b"]</c> as an Object expression or a literal array; a literal
    /// string is split at commas); null when the list is computed at run time or not a list.
    /// </summary>
    public static IReadOnlyList<string>? StringList(FlowInput? input)
    {
        if (!IsConstant(input))
        {
            return null;
        }

        if (input!.Expression!.Type == FlowExpressionTypes.Literal && input.Expression.Value is JsonValue v
            && v.TryGetValue<string>(out var s) && !s.TrimStart().StartsWith('['))
        {
            return [.. s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
        }

        return ConstantJson(input) is JsonArray array
            ? [.. array.Select(item => item is JsonValue iv ? (iv.TryGetValue<string>(out var t) ? t : iv.ToJsonString()) : item?.ToJsonString() ?? string.Empty)]
            : null;
    }

    /// <summary>
    /// A duration as the runtime reads one: text as a TimeSpan (<c>"00:00:05"</c>, <c>"1.00:00:00"</c>; a bare
    /// <c>"30"</c> is thirty days, as .NET reads it) or a JSON number of seconds. ISO 8601 (<c>"PT5S"</c>) is not
    /// accepted, because the runtime would not read it and the node would silently have no limit.
    /// </summary>
    public static bool TryTimeSpan(JsonNode? node, out TimeSpan value)
    {
        value = default;
        if (node is not JsonValue v)
        {
            return false;
        }

        if (v.GetValueKind() == JsonValueKind.Number)
        {
            if (TryNumber(v, out var seconds) && double.IsFinite(seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)
            {
                value = TimeSpan.FromSeconds(seconds);
                return true;
            }

            return false;
        }

        return v.TryGetValue<string>(out var s) && !string.IsNullOrWhiteSpace(s)
            && (TimeSpan.TryParse(s, CultureInfo.InvariantCulture, out value)
                || TimeSpan.TryParseExact(s.Trim(), ["c", "g", "G"], CultureInfo.InvariantCulture, out value));
    }

    /// <summary>
    /// The advice for a duration written as a bare whole number in text (<c>"30"</c>), which .NET and Elsa read as that
    /// many days, though a person usually means seconds or minutes; null for any other value.
    /// </summary>
    public static string? BareDaysAdvice(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim() is { Length: > 0 } text && text.All(char.IsAsciiDigit)
            ? $"reads as {text} days. Write it as hh:mm:ss (e.g. 00:00:30 for thirty seconds, 00:30:00 for thirty minutes), or as {text}.00:00:00 if days are meant"
            : null;

    /// <summary>A number, also written as a string.</summary>
    public static bool TryNumber(JsonNode? node, out double value)
    {
        value = default;
        if (node is not JsonValue v)
        {
            return false;
        }

        var text = v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : v.TryGetValue<string>(out var s) ? s : null;
        return text is not null && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }
}
