namespace Orchestrator.Cli.Input;

/// <summary>Parses tag arguments: <c>k=v</c> pairs for <c>start --tag</c>, a <c>k:v</c> filter for <c>list --tag</c>.</summary>
internal static class TagArguments
{
    /// <summary>Turns repeated <c>key=value</c> values into a dictionary; null when none were given.</summary>
    public static IReadOnlyDictionary<string, string>? ParsePairs(string optionName, IReadOnlyList<string>? values)
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var (key, tagValue) = Split(optionName, value, '=');
            if (!tags.TryAdd(key, tagValue))
            {
                throw new UsageException($"{optionName} '{key}' is given twice");
            }
        }

        return tags;
    }

    /// <summary>Checks a <c>key:value</c> filter and returns it unchanged; null stays null.</summary>
    public static string? ParseFilter(string optionName, string? value)
    {
        if (value is null)
        {
            return null;
        }

        _ = Split(optionName, value, ':');
        return value;
    }

    private static (string Key, string Value) Split(string optionName, string value, char separator)
    {
        var at = value.IndexOf(separator, StringComparison.Ordinal);
        return at > 0
            ? (value[..at], value[(at + 1)..])
            : throw new UsageException($"{optionName} '{value}' must look like key{separator}value");
    }
}
