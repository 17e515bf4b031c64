namespace Orchestrator.Core.Storage;

/// <summary>Token and cost totals.</summary>
/// <param name="InputTokens">Prompt tokens (including cached).</param>
/// <param name="CachedInputTokens">Cached prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
public sealed record UsageTotals(long InputTokens, long CachedInputTokens, long OutputTokens, decimal CostUsd)
{
    /// <summary>Nothing used.</summary>
    public static UsageTotals Zero { get; } = new(0, 0, 0, 0m);
}
