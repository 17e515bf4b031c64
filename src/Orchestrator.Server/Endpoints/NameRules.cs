using System.Globalization;

namespace Orchestrator.Server.Endpoints;

/// <summary>
/// What event names and tag keys may look like: 1 to 200 characters, no '/', and nothing invisible or reordering:
/// no control, format (zero-width, bidirectional), line or paragraph separator characters and no lone surrogates.
/// Instance ids follow the stricter <see cref="Core.Client.Identifiers"/>.
/// </summary>
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

        for (var i = 0; i < value.Length; i++)
        {
            if (IsInvisible(value, i))
            {
                return $"The {what} must not contain control characters such as line breaks or tabs, nor invisible or " +
                    $"text-reordering ones (zero-width, bidirectional); character {i + 1} is U+{(int)value[i]:X4}.";
            }
        }

        return value.Contains('/', StringComparison.Ordinal)
            ? $"The {what} must not contain '/', because it becomes part of URLs."
            : null;
    }

    private static bool IsInvisible(string value, int i) => char.GetUnicodeCategory(value[i]) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator => true,
        UnicodeCategory.Surrogate => !(char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            && !(char.IsLowSurrogate(value[i]) && i > 0 && char.IsHighSurrogate(value[i - 1])),
        _ => false,
    };
}
