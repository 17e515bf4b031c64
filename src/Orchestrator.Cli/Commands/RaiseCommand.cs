using System.CommandLine;
using System.Text.Json;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Input;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch raise &lt;id&gt; &lt;event&gt;</c>: delivers an external event to an instance.</summary>
internal static class RaiseCommand
{
    public static Command Create(CommandBinder binder)
    {
        var id = Arguments.InstanceId();
        var name = new Argument<string>("event") { Description = "Event name the workflow waits for" };
        var data = new Option<string?>("--data") { Description = "Event payload as JSON, or @file to read it from a file [default: null]", HelpName = "json|@file" };
        var command = new Command("raise", "Raise an external event on an instance") { id, name, data };

        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var instanceId = Arguments.Required(parse, id);
            var eventName = Arguments.Required(parse, name);
            var payload = JsonInput.Parse("--data", parse.GetValue(data));
            var body = await context.Api.RaiseEventAsync(instanceId, eventName, payload, cancellationToken);
            if (context.Json)
            {
                // 202 may come without a body; scripts still get one JSON object.
                context.WriteJson(string.IsNullOrWhiteSpace(body)
                    ? JsonSerializer.Serialize(new { instanceId, @event = eventName, accepted = true }, ApiJson.Options)
                    : body);
            }
            else
            {
                context.Console.MarkupLine($"Raised [bold]{Markup.Escape(eventName)}[/] on {Markup.Escape(instanceId)}");
            }

            return ExitCode.Ok;
        });
        return command;
    }
}
