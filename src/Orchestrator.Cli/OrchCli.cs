using System.CommandLine;
using System.CommandLine.Invocation;
using Orchestrator.Cli.Commands;

namespace Orchestrator.Cli;

/// <summary>Parses the arguments and runs the chosen command; bad arguments exit 2 before anything is sent.</summary>
internal static class OrchCli
{
    // "@file" means "read this JSON file" (--input @order.json), not a response file of more arguments.
    private static readonly ParserConfiguration NoResponseFiles = new() { ResponseFileTokenReplacer = null };

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliEnvironment environment, CancellationToken cancellationToken)
    {
        // A bare "orch" gets the overview rather than a terse error, but still exits as a usage error.
        var showOverview = args.Count == 0;
        var parse = OrchCommand.Create(environment).Parse(showOverview ? ["--help"] : args, NoResponseFiles);
        if (parse.Action is ParseErrorAction)
        {
            var reasons = string.Join(' ', parse.Errors.Select(error => WithFullStop(error.Message)).Distinct());
            await environment.Error.WriteLineAsync($"orch: {reasons} Run '{CommandPath(parse)} --help' for usage.");
            return (int)ExitCode.Usage;
        }

        var exitCode = await parse.InvokeAsync(
            new InvocationConfiguration
            {
                Output = environment.Out,
                Error = environment.Error,

                // Commands report their own failures; Ctrl+C arrives through cancellationToken, not a signal handler here.
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            },
            cancellationToken);
        return showOverview ? (int)ExitCode.Usage : exitCode;
    }

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, result.Command.Name);
        }

        return string.Join(' ', names);
    }

    private static string WithFullStop(string message)
    {
        var trimmed = message.Trim();
        return trimmed.EndsWith('.') ? trimmed : trimmed + ".";
    }
}
