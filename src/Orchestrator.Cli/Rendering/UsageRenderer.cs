using System.Globalization;
using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The table of <c>orch usage</c>: calls, tokens and cost per group, and a total row.</summary>
internal static class UsageRenderer
{
    public static IRenderable Render(UsageReport report, TimeProvider clock)
    {
        if (report.Items.Count == 0)
        {
            return new Text("No model usage recorded" + RangeText(report, clock) + ".");
        }

        // The total is the table's footer, so it sits under its own rule below the groups.
        var bold = new Style(decoration: Decoration.Bold);
        var buckets = report.Items.Any(item => item.Bucket is not null);
        var table = new Table().Border(TableBorder.Rounded);
        if (buckets)
        {
            table.AddColumn(new TableColumn("Period").Footer(new Text(string.Empty)));
        }

        table.AddColumn(new TableColumn(GroupTitle(report.GroupBy)).Footer(new Text("Total", bold)));
        string[] titles = ["Calls", "Input tokens", "Cached", "Output tokens", "Cost (USD)"];
        foreach (var (title, total) in titles.Zip(Numbers(report.Total, bold)))
        {
            table.AddColumn(new TableColumn(title).RightAligned().Footer(total));
        }

        foreach (var item in report.Items)
        {
            var cells = new List<IRenderable>();
            if (buckets)
            {
                cells.Add(new Text(item.Bucket is { } bucket ? TimeFormat.Local(bucket, clock) : "-"));
            }

            cells.Add(new Text(item.Key ?? "(none)", bold));
            cells.AddRange(Numbers(item, Style.Plain));
            table.AddRow(cells);
        }

        var range = RangeText(report, clock);
        return range.Length == 0 ? table : new Rows(table, new Text("Usage" + range + ".", new Style(Color.Grey)));
    }

    /// <summary>E.g. <c>$0.0042</c>: four decimals, since a single model call often costs less than a cent.</summary>
    public static string Cost(decimal usd) => "$" + usd.ToString("#,0.0000", CultureInfo.InvariantCulture);

    private static IRenderable[] Numbers(UsageTotals totals, Style style) =>
    [
        new Text(Count(totals.Calls), style),
        new Text(Count(totals.InputTokens), style),
        new Text(Count(totals.CachedInputTokens), style),
        new Text(Count(totals.OutputTokens), style),
        new Text(Cost(totals.CostUsd), style),
    ];

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string GroupTitle(string groupBy) =>
        groupBy.Length == 0 ? "Group" : char.ToUpperInvariant(groupBy[0]) + groupBy[1..];

    private static string RangeText(UsageReport report, TimeProvider clock) => (report.From, report.To) switch
    {
        ({ } from, { } to) => $" from {TimeFormat.Local(from, clock)} to {TimeFormat.Local(to, clock)}",
        ({ } from, null) => $" since {TimeFormat.Local(from, clock)}",
        (null, { } to) => $" before {TimeFormat.Local(to, clock)}",
        _ => string.Empty,
    };
}
