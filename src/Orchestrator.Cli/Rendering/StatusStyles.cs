using Spectre.Console;

namespace Orchestrator.Cli.Rendering;

/// <summary>One colour per instance, step or approval status and audit outcome, so a status reads the same in every view.</summary>
internal static class StatusStyles
{
    public static Color ColorOf(string status) => status switch
    {
        "Completed" or "Fired" or "Received" or "Applied" => Color.Green,
        "Failed" => Color.Red,
        "Running" => Color.Blue,
        "Suspended" or "Waiting" => Color.Yellow,
        "Terminated" => Color.Fuchsia,
        "Pending" or "Scheduled" => Color.Grey,

        // Approvals (lower case in the API): what still needs a person stands out, what timed out fades.
        "pending" => Color.Yellow,
        "approved" => Color.Green,
        "rejected" => Color.Red,
        "expired" or "withdrawn" => Color.Grey,

        // Audit outcomes.
        "ok" => Color.Green,
        "failed" or "denied" or "forbidden" => Color.Red,
        "conflict" or "invalid" => Color.Yellow,
        _ => Color.Default,
    };

    /// <summary>The status as coloured text, safe for any status string.</summary>
    public static Text Text(string status) => new(status, new Style(ColorOf(status)));

    /// <summary>The status as an escaped markup fragment.</summary>
    public static string Markup(string status) => $"[{ColorOf(status).ToMarkup()}]{Spectre.Console.Markup.Escape(status)}[/]";
}
