namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Output of <see cref="ReserveStockActivity"/>: the stock is held until shipped or released.</summary>
/// <param name="ReservationId">Quote it to release the stock.</param>
/// <param name="Warehouse">The warehouse that will pick the order.</param>
public sealed record ReserveStockResult(string ReservationId, string Warehouse);
