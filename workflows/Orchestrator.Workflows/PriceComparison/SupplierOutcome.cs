namespace Orchestrator.Workflows.PriceComparison;

/// <summary>What came of asking one supplier, so buyers see who answered, who failed and why.</summary>
/// <param name="Supplier">The supplier asked.</param>
/// <param name="Response">How it responded.</param>
/// <param name="Quote">Its quote, when <see cref="SupplierResponse.Quoted"/>.</param>
/// <param name="Error">What went wrong, when <see cref="SupplierResponse.Failed"/>.</param>
public sealed record SupplierOutcome(string Supplier, SupplierResponse Response, QuoteResult? Quote = null, string? Error = null);
