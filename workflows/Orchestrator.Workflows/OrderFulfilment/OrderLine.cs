namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>One line of an order.</summary>
/// <param name="Sku">The stock-keeping unit. In this simulation a SKU starting with <c>OUT-</c> is out of stock,
/// and one starting with <c>FLAKY-</c> makes the stock service fail once before it answers.</param>
/// <param name="Quantity">How many units; at least 1.</param>
/// <param name="UnitPrice">Price per unit in the order's currency; not negative.</param>
public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);
