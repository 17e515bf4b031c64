using System.Text;
using System.Text.RegularExpressions;

namespace Orchestrator.Agents.Internal.Loop;

/// <summary>
/// Fills <c>{{ name }}</c> placeholders in an agent's instructions; unknown names stay as written. The length of the
/// result is added up before it is built: instructions that repeat <c>{{ input }}</c> many times over a large input would
/// otherwise build a string of gigabytes in one step and end the process on every replay.
/// </summary>
internal static partial class InstructionTemplate
{
    /// <summary>The longest instructions may be with their placeholders filled, in characters.</summary>
    public const int MaxLength = 4 * 1024 * 1024;

    /// <exception cref="InvalidOperationException">The filled instructions would be longer than <see cref="MaxLength"/>.</exception>
    public static string Render(string template, IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(values);
        var matches = Placeholder().Matches(template);
        long length = template.Length;
        foreach (Match match in matches)
        {
            if (values.TryGetValue(match.Groups[1].Value, out var value))
            {
                length += value.Length - match.Length;
            }
        }

        if (length > MaxLength)
        {
            throw new InvalidOperationException(
                $"The agent's instructions would be {length:N0} characters long with their placeholders filled, more than the limit of {MaxLength:N0}; use {{{{ input }}}} once, or shorten the input.");
        }

        var result = new StringBuilder((int)length);
        var at = 0;
        foreach (Match match in matches)
        {
            result.Append(template, at, match.Index - at);
            result.Append(values.TryGetValue(match.Groups[1].Value, out var value) ? value : match.Value);
            at = match.Index + match.Length;
        }

        return result.Append(template, at, template.Length - at).ToString();
    }

    [GeneratedRegex(@"\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Placeholder();
}
