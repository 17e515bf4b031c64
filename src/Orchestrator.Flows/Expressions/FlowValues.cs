using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orchestrator.Flows.Expressions;

/// <summary>
/// Values as flows hold them (JSON nodes), read from the format's strings and typed by its type aliases
/// (<c>Int32</c>, <c>Boolean</c>, <c>TimeSpan</c>, <c>String[]</c>, …).
/// </summary>
internal static class FlowValues
{
    private static readonly JsonDocumentOptions ValueOptions = new() { MaxDepth = ExpressionLimits.MaxValueDepth };

    /// <summary>Converts a value to the type an input or variable declares; values that do not convert are kept as they are.</summary>
    public static JsonNode? Coerce(JsonNode? value, string? typeName)
    {
        if (value is null || string.IsNullOrEmpty(typeName))
        {
            return value;
        }

        var type = typeName.TrimEnd('?');
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            return CoerceArray(value, type[..^2]);
        }

        if (value is not JsonValue scalar)
        {
            return type is "String" ? value.ToJsonString() : value;
        }

        var text = Text(scalar);
        switch (type)
        {
            case "String":
                return text is null ? value : JsonValue.Create(text);
            case "Boolean":
                return AsBoolean(scalar) is { } b ? JsonValue.Create(b) : value;
            case "Int16" or "Int32" or "Int64" or "Long":
                return AsDouble(scalar) is { } n && Math.Abs(n % 1) < double.Epsilon && n is >= long.MinValue and <= long.MaxValue
                    ? JsonValue.Create((long)n)
                    : value;
            case "Single" or "Double" or "Decimal":
                return AsDouble(scalar) is { } d ? JsonValue.Create(d) : value;
            case "TimeSpan":
                return text is not null && TryParseTimeSpan(text, out var span) ? JsonValue.Create(span.ToString("c", CultureInfo.InvariantCulture)) : value;
            case "Object" or "JSON" or "JsonElement" or "JsonNode" or "JsonObject" or "JsonArray" or "ObjectDictionary" or "StringDictionary" or "ObjectMap" or "StringMap":
                return text is not null && LooksLikeJson(text) && TryParse(text, out var parsed) ? parsed : value;
            default:
                return value;
        }
    }

    /// <summary>Reads a variable's initial value (a string in the document) as its declared type.</summary>
    public static JsonNode? Initial(string? text, string typeName, bool isArray)
    {
        if (text is null)
        {
            return null;
        }

        var type = isArray && !typeName.EndsWith("[]", StringComparison.Ordinal) ? typeName + "[]" : typeName;
        return Coerce(JsonValue.Create(text), type);
    }

    public static bool TryParseTimeSpan(string text, out TimeSpan value) =>
        TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value)
        || TimeSpan.TryParseExact(text, ["c", "g", "G"], CultureInfo.InvariantCulture, out value);

    public static TimeSpan? AsTimeSpan(JsonNode? value) => value switch
    {
        JsonValue v when Text(v) is { } s && TryParseTimeSpan(s, out var span) => span,
        JsonValue v when AsDouble(v) is { } seconds => TimeSpan.FromSeconds(seconds),
        _ => null,
    };

    public static bool? AsBoolean(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.True => true,
        JsonValue v when v.GetValueKind() is JsonValueKind.False => false,
        JsonValue v when Text(v) is { } s && bool.TryParse(s.Trim(), out var b) => b,
        JsonValue v when AsDouble(v) is { } n => n != 0,
        _ => null,
    };

    public static double? AsDouble(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() is JsonValueKind.Number => ToDouble(v),
        JsonValue v when Text(v) is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };

    /// <summary>The text of a string value, or null for other values.</summary>
    public static string? Text(JsonNode? value) =>
        value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    /// <summary>A value as text: strings as they are, null as empty, anything else as JSON.</summary>
    public static string ToText(JsonNode? value) => value is null ? string.Empty : Text(value) ?? value.ToJsonString();

    /// <summary>Whether a value is truthy, the way a condition reads it.</summary>
    public static bool IsTrue(JsonNode? value) => value switch
    {
        null => false,
        JsonValue v => AsBoolean(v) ?? (Text(v) is { } s && s.Length > 0),
        _ => true,
    };

    /// <summary>Parses JSON a flow holds as text (Object expressions, variable values), no deeper than <see cref="ExpressionLimits.MaxValueDepth"/>.</summary>
    public static bool TryParse(string text, out JsonNode? node)
    {
        try
        {
            node = JsonNode.Parse(text, documentOptions: ValueOptions);
            return true;
        }
        catch (JsonException)
        {
            node = null;
            return false;
        }
    }

    public static JsonNode? FromElement(JsonElement? element) => element?.ValueKind switch
    {
        null or JsonValueKind.Undefined or JsonValueKind.Null => null,
        JsonValueKind.Object => JsonObject.Create(element.Value),
        JsonValueKind.Array => JsonArray.Create(element.Value),
        _ => JsonValue.Create(element.Value),
    };

    /// <summary>A JSON node as plain values (dictionaries, lists, strings, numbers, booleans) for templates.</summary>
    /// <exception cref="FlowExpressionException">The value nests deeper than <see cref="ExpressionLimits.MaxValueDepth"/> levels (the walk stops there).</exception>
    public static object? ToPlain(JsonNode? node) => ToPlain(node, 0);

    private static object? ToPlain(JsonNode? node, int depth)
    {
        if (depth > ExpressionLimits.MaxValueDepth && node is JsonObject or JsonArray)
        {
            throw new FlowExpressionException($"A value given to a template nests deeper than the limit of {ExpressionLimits.MaxValueDepth} levels.");
        }

        return node switch
        {
            null => null,
            JsonObject o => o.ToDictionary(p => p.Key, p => ToPlain(p.Value, depth + 1), StringComparer.OrdinalIgnoreCase),
            JsonArray a => a.Select(item => ToPlain(item, depth + 1)).ToList(),
            JsonValue v => v.GetValueKind() switch
            {
                JsonValueKind.String => v.GetValue<string>(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Number => (object?)(AsDecimal(v) ?? (decimal?)null) ?? AsDouble(v),
                _ => null,
            },
            _ => null,
        };
    }

    private static decimal? AsDecimal(JsonValue v)
    {
        try
        {
            return decimal.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static double? ToDouble(JsonValue v) =>
        double.TryParse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;

    private static JsonNode? CoerceArray(JsonNode value, string elementType)
    {
        if (value is JsonArray array)
        {
            return new JsonArray([.. array.Select(item => Coerce(item?.DeepClone(), elementType))]);
        }

        if (Text(value) is { } text)
        {
            if (LooksLikeJson(text) && TryParse(text, out var parsed) && parsed is JsonArray parsedArray)
            {
                return CoerceArray(parsedArray, elementType);
            }

            var parts = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new JsonArray([.. parts.Select(p => Coerce(JsonValue.Create(p), elementType))]);
        }

        return new JsonArray(Coerce(value.DeepClone(), elementType));
    }

    private static bool LooksLikeJson(string text)
    {
        var t = text.TrimStart();
        return t.Length > 0 && (t[0] is '{' or '[' or '"' || t is "true" or "false" or "null" || char.IsDigit(t[0]) || t[0] == '-');
    }
}
