using System.CommandLine;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Input;
using Spectre.Console;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch approve &lt;taskId&gt;</c> and <c>orch reject &lt;taskId&gt;</c>: decide an approval.</summary>
internal static class DecisionCommands
{
    public static IEnumerable<Command> Create(CommandBinder binder) =>
    [
        Create(binder, approve: true, "Approve a task, optionally with edits to its proposed action (409 if already decided)"),
        Create(binder, approve: false, "Reject a task (409 if already decided)"),
    ];

    private static Command Create(CommandBinder binder, bool approve, string description)
    {
        var taskId = Arguments.TaskId();
        var comment = new Option<string?>("--comment") { Description = "Why, recorded with the decision", HelpName = "text" };
        var edits = new Option<string?>("--edits")
        {
            Description = "Changes to the proposed action as a JSON object, or @file to read it from a file, e.g. '{\"amount\": 450}'",
            HelpName = "json|@file",
        };
        var command = new Command(approve ? "approve" : "reject", description) { taskId, comment };
        if (approve)
        {
            command.Add(edits);
        }

        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            // Everything the user typed is checked before the request goes out.
            var id = Arguments.Required(parse, taskId);
            var request = new DecisionRequest(
                approve ? DecisionRequest.Approve : DecisionRequest.Reject,
                parse.GetValue(comment),
                approve ? JsonInput.ParseObject("--edits", parse.GetValue(edits)) : null);
            var decided = await context.Api.DecideAsync(id, request, cancellationToken);
            if (context.Json)
            {
                context.WriteJson(decided.Json);
            }
            else
            {
                var verb = approve ? "Approved" : "Rejected";
                context.Console.MarkupLine($"{verb} [bold]{Markup.Escape(decided.Value.TaskId)}[/] ({Markup.Escape(decided.Value.Title)})");
            }

            return ExitCode.Ok;
        });
        return command;
    }
}
