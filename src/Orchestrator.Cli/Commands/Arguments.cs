using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Orchestrator.Cli.Commands;

/// <summary>Arguments several commands share.</summary>
internal static class Arguments
{
    public static Argument<string> InstanceId() => new("id") { Description = "Instance id" };

    public static Argument<string> TaskId() => new("taskId") { Description = "Approval task id, as listed by 'orch approvals'" };

    /// <summary><c>--limit n</c>: a positive whole number, checked while parsing.</summary>
    public static Option<int?> Limit(string description) =>
        new("--limit") { Description = description, HelpName = "n", CustomParser = ParsePositive };

    /// <summary><c>--version n</c>: a published version number, checked while parsing.</summary>
    public static Option<int?> Version(string description) =>
        new("--version") { Description = description, HelpName = "n", CustomParser = ParsePositive };

    /// <summary>The value of a required text argument, rejecting blanks the shell let through (e.g. <c>""</c>).</summary>
    public static string Required(ParseResult parse, Argument<string> argument)
    {
        var value = parse.GetRequiredValue(argument);
        return string.IsNullOrWhiteSpace(value) ? throw new UsageException($"<{argument.Name}> must not be empty") : value;
    }

    /// <summary>An optional text value, trimmed; blanks count as not given.</summary>
    public static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>The one of <paramref name="choices"/> that <paramref name="value"/> names in any letter case; null stays null.</summary>
    public static string? OneOf(string optionName, string? value, IReadOnlyList<string> choices) =>
        value is null
            ? null
            : choices.FirstOrDefault(choice => string.Equals(choice, value.Trim(), StringComparison.OrdinalIgnoreCase))
              ?? throw new UsageException($"{optionName} '{value}' is not one of {string.Join(", ", choices)}");

    private static int? ParsePositive(ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0)
        {
            return value;
        }

        result.AddError($"--limit must be a positive whole number, not '{token}'.");
        return null;
    }
}
