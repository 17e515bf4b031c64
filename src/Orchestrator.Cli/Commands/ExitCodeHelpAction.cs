using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Orchestrator.Cli.Commands;

/// <summary>The standard help followed by the exit codes and environment variables, for every command.</summary>
internal sealed class ExitCodeHelpAction(HelpAction standardHelp) : SynchronousCommandLineAction
{
    public override bool ClearsParseErrors => true;

    public override int Invoke(ParseResult parseResult)
    {
        var result = standardHelp.Invoke(parseResult);
        parseResult.InvocationConfiguration.Output.Write(ExitCodes.HelpEpilog());
        return result;
    }
}
