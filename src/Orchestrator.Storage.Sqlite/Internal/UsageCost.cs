namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// Costs are stored as INTEGER nano-dollars (1e-9 USD): SQLite sums integers exactly, where REAL would turn
/// 0.1 + 0.2 into 0.30000000000000004, and TEXT could only be summed row by row in C#.
/// </summary>
/// <remarks>
/// A cost finer than a nano-dollar is rounded once, when written (half to even); sums of stored costs are exact.
/// A long holds about 9.2 billion dollars.
/// </remarks>
internal static class UsageCost
{
    private const decimal NanosPerDollar = 1_000_000_000m;
    private const decimal MaxUsd = long.MaxValue / NanosPerDollar;

    public static long ToNanos(decimal usd) =>
        usd is <= MaxUsd and >= -MaxUsd
            ? (long)decimal.Round(usd * NanosPerDollar, 0, MidpointRounding.ToEven)
            : throw new ArgumentOutOfRangeException(nameof(usd), usd, "A cost must be within ±9.2 billion USD.");

    /// <summary>The dollars, without trailing zeros (300000000 gives 0.3, not 0.300000000).</summary>
    public static decimal FromNanos(long nanos) => (nanos / NanosPerDollar) / 1.000000000000000000000000000000000m;
}
