using System.CommandLine;
using Orchestrator.Cli.Rendering;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch workflows</c>: the workflows the server can run.</summary>
internal static class WorkflowsCommand
{
    public static Command Create(CommandBinder binder)
    {
        var command = new Command("workflows", "List the workflows the server can run, with their versions");
        binder.SetAction(command, async (context, _, cancellationToken) =>
        {
            context.Show(await context.Api.GetWorkflowsAsync(cancellationToken), WorkflowsRenderer.Render);
            return ExitCode.Ok;
        });
        return command;
    }
}
