using System.CommandLine;
using System.Net;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Input;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch start &lt;workflow&gt;</c>: starts an instance, and with <c>--watch</c> follows it to the end.</summary>
internal static class StartCommand
{
    public static Command Create(CommandBinder binder)
    {
        var workflow = new Argument<string>("workflow") { Description = "Workflow name, as listed by 'orch workflows'" };
        var input = new Option<string?>("--input") { Description = "Workflow input as JSON, or @file to read the JSON from a file", HelpName = "json|@file" };
        var id = new Option<string?>("--id") { Description = "Instance id; the same id with the same input returns the existing instance", HelpName = "id" };
        var version = new Option<string?>("--version") { Description = "Workflow version to run [default: latest]", HelpName = "n" };
        var tags = new Option<string[]>("--tag") { Description = "Tag the instance; repeat for more tags", HelpName = "key=value" };
        var watch = new Option<bool>("--watch") { Description = "Follow the instance until it finishes; the exit code tells how it ended" };
        var command = new Command("start", "Start a workflow instance") { workflow, input, id, version, tags, watch };

        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            // Everything the user typed is checked before the request goes out.
            var request = new StartInstanceRequest(
                Arguments.Required(parse, workflow),
                NullIfBlank(parse.GetValue(version)),
                JsonInput.Parse("--input", parse.GetValue(input)),
                NullIfBlank(parse.GetValue(id)),
                TagArguments.ParsePairs("--tag", parse.GetValue(tags)));
            var started = await context.Api.StartInstanceAsync(request, cancellationToken);
            var instanceId = started.Value.InstanceId;
            var watching = parse.GetValue(watch);
            if (context.Json && !watching)
            {
                context.WriteJson(started.Json);
                return ExitCode.Ok;
            }

            if (!context.Json)
            {
                var verb = started.StatusCode == HttpStatusCode.OK ? "Already started" : "Started";
                context.Console.MarkupLine($"{verb} [bold]{Markup.Escape(instanceId)}[/] ({Markup.Escape(request.Workflow)})");
                if (!watching)
                {
                    context.Console.MarkupLine($"[grey]Follow it with: orch watch {Markup.Escape(instanceId)}[/]");
                }
            }

            return watching ? await WatchCommand.FollowAsync(context, instanceId, cancellationToken) : ExitCode.Ok;
        });
        return command;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
