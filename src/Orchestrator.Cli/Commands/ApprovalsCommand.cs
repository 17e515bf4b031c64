using System.CommandLine;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Rendering;

namespace Orchestrator.Cli.Commands;

/// <summary>
/// <c>orch approvals</c>: the approvals waiting for the caller, newest and overdue first;
/// <c>orch approvals &lt;taskId&gt;</c>: one task with its proposed action and the steps that led to it.
/// </summary>
internal static class ApprovalsCommand
{
    public static Command Create(CommandBinder binder)
    {
        var taskId = new Argument<string?>("taskId")
        {
            Description = "Show this task in detail instead of listing",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var status = new Option<string?>("--status")
        {
            Description = $"Only tasks in this status: {string.Join(", ", ApprovalStatuses.Filters)} [default: pending]",
            HelpName = "status",
        };
        var all = new Option<bool>("--all") { Description = "Every assignee's tasks, not only the ones you may decide (administrators)" };
        var instance = new Option<string?>("--instance") { Description = "Only the tasks of this instance", HelpName = "id" };
        var limit = Arguments.Limit("At most this many tasks");
        var command = new Command("approvals", "List the approvals waiting for you, or show one with its proposed action")
        {
            taskId, status, all, instance, limit,
        };

        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var query = new ApprovalQuery(
                Arguments.OneOf("--status", parse.GetValue(status), ApprovalStatuses.Filters),
                parse.GetValue(all),
                Arguments.NullIfBlank(parse.GetValue(instance)),
                parse.GetValue(limit));
            if (parse.GetValue(taskId) is { } id)
            {
                if (query != new ApprovalQuery())
                {
                    throw new UsageException("--status, --all, --instance and --limit filter the list; leave them out to show one task");
                }

                if (string.IsNullOrWhiteSpace(id))
                {
                    throw new UsageException("<taskId> must not be empty");
                }

                var task = await context.Api.GetApprovalAsync(id, cancellationToken);
                context.Show(task, value => ApprovalDetailRenderer.Render(value, context.Clock));
                return ExitCode.Ok;
            }

            var list = await context.Api.ListApprovalsAsync(query, cancellationToken);
            context.Show(list, value => ApprovalListRenderer.Render(value, context.Clock));
            return ExitCode.Ok;
        });
        return command;
    }
}
