namespace Orchestrator.Server.Endpoints;

/// <summary>What instance ids and event names may look like: 1 to 200 characters, no control characters, no '/'.</summary>
internal static class NameRules
{
    public const int MaxLength = 200;

    /// <summary>Null when <paramref name="value"/> is acceptable; otherwise a sentence saying what to fix.</summary>
    public static string? Check(string value, string what)
    {
        if (value.Length is 0 or > MaxLength)
        {
            return $"The {what} must be 1 to {MaxLength} characters long, but has {value.Length}.";
        }

        if (value.Any(char.IsControl))
        {
            return $"The {what} must not contain control characters such as line breaks or tabs.";
        }

        return value.Contains('/', StringComparison.Ordinal)
            ? $"The {what} must not contain '/', because it becomes part of URLs."
            : null;
    }
}
