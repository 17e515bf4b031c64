using System.CommandLine;
using System.Text.Json;
using Orchestrator.Cli.Api;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch purge &lt;id&gt;</c>: deletes a finished instance and its history.</summary>
internal static class PurgeCommand
{
    public static Command Create(CommandBinder binder)
    {
        var id = Arguments.InstanceId();
        var command = new Command("purge", "Delete a finished instance and its history (409 while it still runs)") { id };
        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var instanceId = Arguments.Required(parse, id);
            await context.Api.PurgeAsync(instanceId, cancellationToken);
            if (context.Json)
            {
                // The server answers 204 without a body; scripts still get one JSON object.
                context.WriteJson(JsonSerializer.Serialize(new { instanceId, purged = true }, ApiJson.Options));
            }
            else
            {
                context.Console.MarkupLine($"Purged [bold]{Markup.Escape(instanceId)}[/] and its history");
            }

            return ExitCode.Ok;
        });
        return command;
    }
}
