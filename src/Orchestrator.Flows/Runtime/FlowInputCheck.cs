using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orchestrator.Flows.Expressions;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// Checks a start's input against the inputs a flow declares, the way the run reads them, so a start with input of the
/// wrong shape is refused with the field and its type instead of failing later at the node that reads it. Declared
/// inputs may be left out (they read as null); inputs the flow does not declare are kept and ignored.
/// </summary>
internal static class FlowInputCheck
{
    /// <summary>Null when the run can read <paramref name="inputJson"/>; otherwise what to fix.</summary>
    public static string? Check(FlowDocument document, string? inputJson)
    {
        ArgumentNullException.ThrowIfNull(document);
        var declared = document.Inputs.Where(i => i.Name.Length > 0).ToList();
        if (declared.Count == 0 || string.IsNullOrWhiteSpace(inputJson))
        {
            return null;
        }

        JsonNode? input;
        try
        {
            input = JsonNode.Parse(inputJson);
        }
        catch (JsonException ex)
        {
            return Problem(document, $"the input is not JSON ({ex.Message})");
        }

        if (input is not JsonObject fields)
        {
            // A lone value is the input named "input" when the flow declares one.
            return declared.Any(i => i.Name == "input") || input is null
                ? null
                : Problem(document, $"the input must be an object of its inputs ({Describe(declared)}), not {Kind(input)}");
        }

        foreach (var argument in declared)
        {
            if (fields.TryGetPropertyValue(argument.Name, out var value) && value is not null
                && Mismatch(value, argument.IsArray && !argument.Type.EndsWith("[]", StringComparison.Ordinal) ? argument.Type + "[]" : argument.Type, "$." + argument.Name) is { } problem)
            {
                return Problem(document, problem);
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="value"/> cannot be read as <paramref name="typeName"/>, or null when it can.</summary>
    private static string? Mismatch(JsonNode value, string typeName, string path)
    {
        var type = typeName.TrimEnd('?');
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            if (value is not JsonArray items)
            {
                return $"the field {path} must be a list ({typeName}), not {Kind(value)}";
            }

            for (var i = 0; i < items.Count; i++)
            {
                if (items[i] is { } item && Mismatch(item, type[..^2], string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]")) is { } problem)
                {
                    return problem;
                }
            }

            return null;
        }

        var fits = type switch
        {
            "String" => value is JsonValue,
            "Boolean" => FlowValues.AsBoolean(value) is not null,
            "Int16" or "Int32" or "Int64" or "Long" => FlowValues.AsDouble(value) is { } n && Math.Abs(n % 1) < double.Epsilon,
            "Single" or "Double" or "Decimal" => FlowValues.AsDouble(value) is not null,
            "TimeSpan" => FlowValues.AsTimeSpan(value) is not null,
            "DateTime" or "DateTimeOffset" => FlowValues.Text(value) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _),
            "Guid" => FlowValues.Text(value) is { } id && Guid.TryParse(id, out _),
            _ => true,
        };
        return fits ? null : $"the field {path} must be {Expected(type)} ({typeName}), not {Kind(value)}";
    }

    private static string Expected(string type) => type switch
    {
        "String" => "text",
        "Boolean" => "true or false",
        "Int16" or "Int32" or "Int64" or "Long" => "a whole number",
        "Single" or "Double" or "Decimal" => "a number",
        "TimeSpan" => "a duration such as \"00:05:00\" or a number of seconds",
        "DateTime" or "DateTimeOffset" => "an ISO 8601 time such as \"2026-12-07T10:00:00Z\"",
        "Guid" => "a GUID",
        _ => type,
    };

    private static string Kind(JsonNode value) => value switch
    {
        JsonObject => "an object",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the text {Quote(v.GetValue<string>())}",
            JsonValueKind.Number => "the number " + v.ToJsonString(),
            JsonValueKind.True or JsonValueKind.False => v.ToJsonString(),
            _ => v.ToJsonString(),
        },
        _ => "a value",
    };

    private static string Quote(string text) => JsonSerializer.Serialize(text.Length > 40 ? text[..40] + "…" : text);

    private static string Describe(IEnumerable<FlowArgument> inputs) =>
        string.Join(", ", inputs.Select(i => $"{i.Name}: {i.Type}{(i.IsArray && !i.Type.EndsWith("[]", StringComparison.Ordinal) ? "[]" : string.Empty)}"));

    private static string Problem(FlowDocument document, string what) =>
        $"The input does not fit flow '{document.DefinitionId}': {what}. Fix the input and start again (the flow's inputs: {Describe(document.Inputs.Where(i => i.Name.Length > 0))}).";
}
