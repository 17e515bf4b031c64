namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="ReleaseStockActivity"/>.</summary>
/// <param name="OrderId">The order the stock was held for.</param>
/// <param name="ReservationId">The reservation to release.</param>
public sealed record ReleaseStockRequest(string OrderId, string ReservationId);
