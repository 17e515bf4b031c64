namespace Orchestrator.Workflows.PriceComparison;

/// <summary>Output of <see cref="QuoteComparisonWorkflow"/>.</summary>
/// <param name="Sku">The item.</param>
/// <param name="Quantity">How many.</param>
/// <param name="BestQuote">The winning quote, or null when nobody quoted in time.</param>
/// <param name="Suppliers">Every supplier asked, in the order given, with how it responded.</param>
/// <param name="Summary">One sentence for the buyer.</param>
public sealed record QuoteComparisonResult(
    string Sku,
    int Quantity,
    QuoteResult? BestQuote,
    IReadOnlyList<SupplierOutcome> Suppliers,
    string Summary);
