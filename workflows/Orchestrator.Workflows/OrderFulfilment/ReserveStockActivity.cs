using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Holds stock for every line of an order in one warehouse. Simulated: a SKU starting with <c>OUT-</c> is out of
/// stock; a SKU starting with <c>FLAKY-</c> makes the first attempt fail as if the stock service were down.
/// </summary>
[Activity(Name)]
public sealed class ReserveStockActivity : Activity<ReserveStockRequest, ReserveStockResult>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "orders.reserve-stock";

    public override Task<ReserveStockResult> RunAsync(ActivityContext context, ReserveStockRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();

        if (context.Attempt == 1 && input.Lines.Any(line => line.Sku.StartsWith("FLAKY-", StringComparison.Ordinal)))
        {
            throw new StockServiceUnavailableException("The stock service did not answer (503); try again shortly.");
        }

        var missing = input.Lines.FirstOrDefault(line => line.Sku.StartsWith("OUT-", StringComparison.Ordinal));
        if (missing is not null)
        {
            throw new OutOfStockException($"SKU '{missing.Sku}' is out of stock ({missing.Quantity} requested).");
        }

        // The reservation id is derived from the idempotency key, so a retried or re-delivered call finds the
        // reservation it already made instead of holding the stock twice.
        var reservation = new ReserveStockResult($"RES-{context.IdempotencyKey}", "WH-NORTH");
        return Task.FromResult(reservation);
    }
}
