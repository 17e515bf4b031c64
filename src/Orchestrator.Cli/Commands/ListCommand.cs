using System.CommandLine;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Input;
using Orchestrator.Cli.Rendering;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch list</c>: a page of instances, newest first.</summary>
internal static class ListCommand
{
    public static Command Create(CommandBinder binder)
    {
        var status = new Option<string?>("--status") { Description = $"Only instances in this status: {string.Join(", ", InstanceStatuses.All)}", HelpName = "status" };
        var workflow = new Option<string?>("--workflow") { Description = "Only instances of this workflow", HelpName = "name" };
        var tag = new Option<string?>("--tag") { Description = "Only instances with this tag", HelpName = "key:value" };
        var limit = Arguments.Limit("At most this many instances per page");
        var cursor = new Option<string?>("--cursor") { Description = "Continue after a previous page (its nextCursor)", HelpName = "cursor" };
        var command = new Command("list", "List instances, newest first") { status, workflow, tag, limit, cursor };

        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var query = new InstanceQuery(
                ParseStatus(parse.GetValue(status)),
                parse.GetValue(workflow),
                TagArguments.ParseFilter("--tag", parse.GetValue(tag)),
                parse.GetValue(limit),
                parse.GetValue(cursor));
            var page = await context.Api.ListInstancesAsync(query, cancellationToken);
            context.Show(page, value => InstanceListRenderer.Render(value, context.Clock));
            return ExitCode.Ok;
        });
        return command;
    }

    /// <summary>Accepts a status in any letter case and sends the API's spelling.</summary>
    internal static string? ParseStatus(string? value) =>
        value is null
            ? null
            : InstanceStatuses.All.FirstOrDefault(known => string.Equals(known, value, StringComparison.OrdinalIgnoreCase))
              ?? throw new UsageException($"--status '{value}' is not one of {string.Join(", ", InstanceStatuses.All)}");
}
