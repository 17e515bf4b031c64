namespace Orchestrator.Core.Storage;

/// <summary>The totals of one group (e.g. one model).</summary>
/// <param name="Key">The group's value (null for steps without an agent or user).</param>
/// <param name="Calls">How many usage entries.</param>
/// <param name="Totals">The tokens and cost.</param>
/// <param name="Bucket">The start (UTC) of the hour or day these totals cover, when the query asked for an interval.</param>
public sealed record UsageGroup(string? Key, long Calls, UsageTotals Totals, DateTime? Bucket = null);
