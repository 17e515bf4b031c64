using System.CommandLine;
using Orchestrator.Cli.Api;
using Orchestrator.Cli.Api.Models;
using Orchestrator.Cli.Input;
using Orchestrator.Cli.Rendering;

namespace Orchestrator.Cli.Commands;

/// <summary><c>orch usage</c>: model calls, tokens and cost per workflow, agent, user or model, with a total.</summary>
internal static class UsageCommand
{
    public static Command Create(CommandBinder binder)
    {
        var groupBy = new Option<string?>("--group-by")
        {
            Description = $"Group by {string.Join(", ", UsageGroupings.GroupBy)} [default: workflow]",
            HelpName = "group",
        };
        var from = new Option<string?>("--from") { Description = "Only usage at or after this time (2025-11-22T13:55, …Z, or 7d for a week ago)", HelpName = "time" };
        var to = new Option<string?>("--to") { Description = "Only usage before this time", HelpName = "time" };
        var interval = new Option<string?>("--interval")
        {
            Description = $"Also split each group into time buckets: {string.Join(", ", UsageGroupings.Intervals)}",
            HelpName = "interval",
        };
        var command = new Command("usage", "Show model calls, tokens and cost, grouped, with a total") { groupBy, from, to, interval };

        binder.SetAction(command, async (context, parse, cancellationToken) =>
        {
            var (start, end) = TimeArgument.ParseRange(parse.GetValue(from), parse.GetValue(to), context.Clock);
            var query = new UsageQuery(
                Arguments.OneOf("--group-by", parse.GetValue(groupBy), UsageGroupings.GroupBy),
                start,
                end,
                Arguments.OneOf("--interval", parse.GetValue(interval), UsageGroupings.Intervals));
            var report = await context.Api.GetUsageAsync(query, cancellationToken);
            context.Show(report, value => UsageRenderer.Render(value, context.Clock));
            return ExitCode.Ok;
        });
        return command;
    }
}
