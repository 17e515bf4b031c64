using System.CommandLine;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Rendering;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch suspend|resume|terminate|restart &lt;id&gt;</c>: the lifecycle operations.</summary>
internal static class OperationCommands
{
    public static IEnumerable<Command> Create(CommandBinder binder) =>
    [
        Create(binder, InstanceOperation.Suspend, "Pause a running instance; it keeps its state until resumed", withReason: false),
        Create(binder, InstanceOperation.Resume, "Continue a suspended instance", withReason: false),
        Create(binder, InstanceOperation.Terminate, "Stop an instance for good; it ends Terminated", withReason: true),
        Create(binder, InstanceOperation.Restart, "Re-run a Failed instance from its failed step, keeping completed steps", withReason: false),
    ];

    private static Command Create(CommandBinder binder, InstanceOperation operation, string description, bool withReason)
    {
        var id = Arguments.InstanceId();
        var reason = new Option<string?>("--reason") { Description = "Why, recorded with the instance", HelpName = "text" };
        var command = new Command(operation.ToString().ToLowerInvariant(), description) { id };
        if (withReason)
        {
            command.Add(reason);
        }

        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var instanceId = Arguments.Required(parse, id);
            var result = await context.Api.ApplyOperationAsync(instanceId, operation, withReason ? parse.GetValue(reason) : null, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(result.Json);
            }
            else
            {
                context.Console.MarkupLine($"{operation} accepted for [bold]{Markup.Escape(result.Value.InstanceId)}[/] (status: {StatusStyles.Markup(result.Value.Status)})");
            }

            return ExitCode.Ok;
        });
        return command;
    }
}
