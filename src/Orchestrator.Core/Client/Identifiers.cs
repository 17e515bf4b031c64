using System.Globalization;

namespace Orchestrator.Core.Client;

/// <summary>
/// What an id chosen from outside (an instance id, a designer definition id) may look like, so that every id the
/// product accepts can be addressed everywhere it appears: in URL paths, query strings, the CLI, file names and logs.
/// </summary>
/// <remarks>
/// An id is 1 to <see cref="MaxLength"/> characters of letters, digits and <c>- _ . : @</c>; it is not <c>.</c> or
/// <c>..</c>, and it has no control, white-space, zero-width, bidirectional or other format characters (nothing
/// invisible, nothing that reorders the text around it). Ids the engine derives from a valid id (a child
/// <c>&lt;parent&gt;:0000</c>) may be longer.
/// </remarks>
public static class Identifiers
{
    /// <summary>The longest id accepted from outside.</summary>
    public const int MaxLength = 200;

    /// <summary>The punctuation an id may contain besides letters and digits.</summary>
    public const string Punctuation = "-_.:@";

    /// <summary>Null when <paramref name="value"/> is an acceptable id; otherwise a sentence saying what to fix.</summary>
    /// <param name="value">The id.</param>
    /// <param name="what">What the id names, for the message (e.g. <c>instanceId</c>).</param>
    /// <returns>Null, or the problem.</returns>
    public static string? Check(string? value, string what)
    {
        ArgumentNullException.ThrowIfNull(what);
        if (string.IsNullOrEmpty(value) || value.Length > MaxLength)
        {
            return $"The {what} must be 1 to {MaxLength} characters long, but has {value?.Length ?? 0}.";
        }

        if (value is "." or "..")
        {
            return $"The {what} must not be '{value}', because it means a folder in paths and URLs.";
        }

        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsLetterOrDigit(c) || Punctuation.Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            return $"The {what} must contain only letters, digits and '{string.Join("', '", Punctuation.ToCharArray())}'; " +
                $"character {i + 1} is {Describe(c)}.";
        }

        return null;
    }

    /// <summary>A character as a person can read it in a message: the character itself, or its code for invisible ones.</summary>
    internal static string Describe(char c) =>
        char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned
            ? $"U+{(int)c:X4}, which is invisible or not printable"
            : $"'{c}'";
}
