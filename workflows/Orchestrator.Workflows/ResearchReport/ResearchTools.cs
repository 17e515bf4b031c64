using System.ComponentModel;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Workflows.ResearchReport;

/// <summary>C# tools over small built-in data sets (a real deployment would query its data warehouse and legal wiki).</summary>
public sealed class ResearchTools
{
    public const string MarketFigures = "research.market-figures";
    public const string RegulatoryNotes = "research.regulatory-notes";

    [Tool(MarketFigures, Description = "Market size and growth figures for a sector.")]
    public static object Figures([Description("The sector, e.g. 'home espresso machines'.")] string sector) => new
    {
        sector,
        source = "Acme market model 2026",
        figures = new[]
        {
            new { metric = "market size (EUR bn)", value = 4.2 },
            new { metric = "annual growth (%)", value = 6.5 },
            new { metric = "online share (%)", value = 38.0 },
        },
    };

    [Tool(RegulatoryNotes, Description = "Known regulation and compliance notes for a sector.")]
    public static object Notes([Description("The sector.")] string sector) => new
    {
        sector,
        source = "Acme legal wiki",
        notes = new[]
        {
            "EU ecodesign rules cap standby power at 0.5 W from 2027.",
            "Right-to-repair: spare parts must be available for 7 years.",
        },
    };
}
