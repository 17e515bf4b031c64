namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="ReserveStockActivity"/>.</summary>
/// <param name="OrderId">The order the stock is held for.</param>
/// <param name="Lines">What to reserve.</param>
public sealed record ReserveStockRequest(string OrderId, IReadOnlyList<OrderLine> Lines);
