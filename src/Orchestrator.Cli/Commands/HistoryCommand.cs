using System.CommandLine;
using Orchestrator.Cli.Rendering;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch history &lt;id&gt;</c>: the checkpointed steps of an instance.</summary>
internal static class HistoryCommand
{
    public static Command Create(CommandBinder binder)
    {
        var id = Arguments.InstanceId();
        var command = new Command("history", "Show the checkpointed steps of an instance, in order") { id };
        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var history = await context.Api.GetHistoryAsync(Arguments.Required(parse, id), cancellationToken);
            context.Show(history, value => HistoryRenderer.Render(value, context.Clock));
            return ExitCode.Ok;
        });
        return command;
    }
}
