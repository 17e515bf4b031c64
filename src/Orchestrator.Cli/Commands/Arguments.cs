using System.CommandLine;

namespace Orchestrator.Cli.Commands;

/// <summary>Arguments several commands share.</summary>
internal static class Arguments
{
    public static Argument<string> InstanceId() => new("id") { Description = "Instance id" };

    /// <summary>The value of a required text argument, rejecting blanks the shell let through (e.g. <c>""</c>).</summary>
    public static string Required(ParseResult parse, Argument<string> argument)
    {
        var value = parse.GetRequiredValue(argument);
        return string.IsNullOrWhiteSpace(value) ? throw new UsageException($"<{argument.Name}> must not be empty") : value;
    }
}
