using System.Globalization;
using Orchestrator.Cli.Api.Models;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Orchestrator.Cli.Rendering;

/// <summary>The table of <c>orch audit</c> and the line of <c>orch audit --verify</c>.</summary>
internal static class AuditRenderer
{
    public static IRenderable Render(AuditPage page, TimeProvider clock)
    {
        if (page.Items.Count == 0)
        {
            return new Text("No audit records match.");
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("#", "Time", "Actor", "On behalf of", "Action", "Target", "Outcome");
        table.Columns[0].RightAligned();
        foreach (var record in page.Items)
        {
            table.AddRow(
                new Text(record.Sequence.ToString(CultureInfo.InvariantCulture)),
                new Text(TimeFormat.Local(record.Time, clock)),
                new Text(record.Actor),
                new Text(record.OnBehalfOf ?? "-"),
                new Text(record.Action, new Style(decoration: Decoration.Bold)),
                new Text(record.Target ?? "-"),
                record.Outcome is { } outcome ? StatusStyles.Text(outcome) : new Text("-"));
        }

        return page.NextCursor is null
            ? table
            : new Rows(table, new Text($"Older records remain: raise --limit (showing the newest {page.Items.Count}).", new Style(Color.Grey)));
    }

    /// <summary><c>Audit chain intact: N records</c>, or <c>Audit chain broken at record N: reason</c>.</summary>
    public static string VerificationLine(AuditVerification verification)
    {
        if (verification.Ok)
        {
            return $"Audit chain intact: {verification.Records.ToString(CultureInfo.InvariantCulture)} records";
        }

        var at = verification.FirstBrokenAt?.ToString(CultureInfo.InvariantCulture) ?? "(unknown)";
        var reason = string.IsNullOrWhiteSpace(verification.Reason) ? "the server gave no reason" : verification.Reason.Trim();
        return $"Audit chain broken at record {at}: {reason}";
    }
}
