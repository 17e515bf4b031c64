namespace Orchestrator.Workflows.PriceComparison;

/// <summary>Output of <see cref="RequestQuoteActivity"/>: a supplier's offer.</summary>
/// <param name="Supplier">Who offers it.</param>
/// <param name="UnitPrice">Price per unit, after any volume discount.</param>
/// <param name="TotalPrice">Price for the whole quantity: what the offers are compared on.</param>
/// <param name="LeadTimeDays">Days until delivery.</param>
public sealed record QuoteResult(string Supplier, decimal UnitPrice, decimal TotalPrice, int LeadTimeDays);
