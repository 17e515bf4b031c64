using System.Text.Json;

namespace Orchestrator.Cli.Input;

/// <summary>
/// Reads a JSON option value given inline (<c>--input '{"a":1}'</c>) or from a file (<c>--input @order.json</c>).
/// Anything that is not valid JSON is a usage error that names the option, caught before a request is sent.
/// </summary>
internal static class JsonInput
{
    /// <summary>The parsed value, or null when the option was not given.</summary>
    /// <param name="optionName">The option as the user typed it, e.g. <c>--input</c>; used in error messages.</param>
    /// <param name="value">The raw option value.</param>
    public static JsonElement? Parse(string optionName, string? value)
    {
        if (value is null)
        {
            return null;
        }

        var (text, source) = value.StartsWith('@') ? (ReadFile(optionName, value[1..]), $"file '{value[1..]}'") : (value, "value");
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new UsageException($"{optionName} {source} is empty; pass JSON such as '{{}}' or '\"text\"'");
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new UsageException($"{optionName} {source} is not valid JSON: {ex.Message} (a string needs quotes, e.g. '\"text\"')");
        }
    }

    /// <summary>Like <see cref="Parse"/>, but the value must be a JSON object, e.g. <c>{"amount": 450}</c>.</summary>
    public static JsonElement? ParseObject(string optionName, string? value)
    {
        var parsed = Parse(optionName, value);
        return parsed is { ValueKind: not JsonValueKind.Object } other
            ? throw new UsageException($"{optionName} must be a JSON object such as '{{\"amount\": 450}}', not {other.ValueKind.ToString().ToLowerInvariant()}")
            : parsed;
    }

    private static string ReadFile(string optionName, string path)
    {
        if (path.Length == 0)
        {
            throw new UsageException($"{optionName} @ needs a file name, e.g. {optionName} @input.json");
        }

        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{optionName} cannot read file '{path}': {ex.Message}");
        }
    }
}
