namespace Orchestrator.Workflows.PriceComparison;

/// <summary>Input of <see cref="RequestQuoteActivity"/>: one supplier, asked for one price.</summary>
/// <param name="Supplier">Whom to ask.</param>
/// <param name="Sku">The item.</param>
/// <param name="Quantity">How many.</param>
public sealed record QuoteRequest(string Supplier, string Sku, int Quantity);
