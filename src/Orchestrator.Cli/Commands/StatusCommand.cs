using System.CommandLine;
using Orchestrator.Cli.Rendering;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch status &lt;id&gt;</c>: one instance in detail.</summary>
internal static class StatusCommand
{
    public static Command Create(CommandBinder binder)
    {
        var id = Arguments.InstanceId();
        var command = new Command("status", "Show an instance: status, input, output or error, usage") { id };
        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var instance = await context.Api.GetInstanceAsync(Arguments.Required(parse, id), cancellationToken);
            context.Show(instance, value => InstanceDetailRenderer.Render(value, context.Clock));
            return ExitCode.Ok;
        });
        return command;
    }
}
