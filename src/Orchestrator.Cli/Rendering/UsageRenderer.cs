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

        var buckets = report.Items.Any(item => item.Bucket is not null);
        var table = new Table().Border(TableBorder.Rounded);
        if (buckets)
        {
            table.AddColumn("Period");
        }

        table.AddColumns(GroupTitle(report.GroupBy), "Calls", "Input tokens", "Cached", "Output tokens", "Cost (USD)");
        for (var column = buckets ? 2 : 1; column < table.Columns.Count; column++)
        {
            table.Columns[column].RightAligned();
        }

        foreach (var item in report.Items)
        {
            var cells = new List<IRenderable>();
            if (buckets)
            {
                cells.Add(new Text(item.Bucket is { } bucket ? TimeFormat.Local(bucket, clock) : "-"));
            }

            cells.Add(new Text(item.Key ?? "(none)", new Style(decoration: Decoration.Bold)));
            cells.AddRange(Numbers(item, Style.Plain));
            table.AddRow(cells);
        }

        var bold = new Style(decoration: Decoration.Bold);
        var total = new List<IRenderable>();
        if (buckets)
        {
            total.Add(new Text(string.Empty));
        }

        total.Add(new Text("Total", bold));
        total.AddRange(Numbers(report.Total, bold));
        table.AddEmptyRow();
        table.AddRow(total);

        var range = RangeText(report, clock);
        return range.Length == 0 ? table : new Rows(table, new Text("Usage" + range + ".", new Style(Color.Grey)));
    }

    /// <summary>E.g. <c>$0.0042</c>: four decimals, since a single model call often costs less than a cent.</summary>
    public static string Cost(decimal usd) => "$" + usd.ToString("#,0.0000", CultureInfo.InvariantCulture);

    private static IEnumerable<IRenderable> Numbers(UsageTotals totals, Style style) =>
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
