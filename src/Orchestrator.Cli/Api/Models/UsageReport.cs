namespace Orchestrator.Cli.Api.Models;

/// <summary>The body of <c>GET /api/usage</c>: totals per group and over all of them.</summary>
internal sealed record UsageReport(
    string GroupBy,
    IReadOnlyList<UsageTotals> Items,
    UsageTotals Total,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null);
