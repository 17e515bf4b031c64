using System.CommandLine;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Rendering;
using Orchestrator.Cli.Watching;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch watch &lt;id&gt;</c>: live progress until the instance finishes; the exit code tells how it ended.</summary>
internal static class WatchCommand
{
    public static Command Create(CommandBinder binder)
    {
        var id = Arguments.InstanceId();
        var command = new Command("watch", "Follow an instance live until it finishes (exit 0 Completed, 10 Failed, 11 Terminated)") { id };
        binder.SetAction(command, (context, parse, cancellationToken) => FollowAsync(context, Arguments.Required(parse, id), cancellationToken));
        return command;
    }

    /// <summary>
    /// Watches until a terminal status. With <c>--json</c> nothing is printed but the final instance;
    /// otherwise a live view, then a summary with the output or error.
    /// </summary>
    public static async Task<ExitCode> FollowAsync(CommandContext context, string instanceId, CancellationToken cancellationToken)
    {
        var watcher = context.CreateWatcher();
        ApiResult<InstanceDetail> final;
        if (context.Json)
        {
            final = await watcher.WatchAsync(instanceId, null, cancellationToken);
            context.WriteJson(final.Json);
        }
        else
        {
            var view = new WatchView(context.Console, context.Clock, instanceId);
            final = await view.RunAsync(observer => watcher.WatchAsync(instanceId, observer, cancellationToken));
            context.Render(InstanceDetailRenderer.RenderOutcome(final.Value));
        }

        return ExitCodes.FromTerminalStatus(final.Value.Status);
    }
}
