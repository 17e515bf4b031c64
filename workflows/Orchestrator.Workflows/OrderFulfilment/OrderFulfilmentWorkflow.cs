using Microsoft.Extensions.Logging;
using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Fulfils a placed order: reserve the stock, take the payment, wait for the warehouse to pick and pack it, give
/// the customer a cooling-off period, then ship it. Once stock is held or money taken, every way out of the
/// process gives it back, so no order ends with a customer charged for goods that never leave the warehouse.
/// </summary>
/// <remarks>
/// Events: <c>warehouse-confirmed</c> (<see cref="WarehouseConfirmation"/>) from the warehouse's handheld app;
/// <c>cancel-order</c> (<see cref="CancelOrderRequest"/>) from the shop while the cooling-off period runs.
/// Start it with the order number as the instance id, so the shop and the warehouse can address it.
/// </remarks>
[Workflow(Name, Description = "Reserves stock, takes payment, waits for the warehouse and ships an order.")]
public sealed class OrderFulfilmentWorkflow : Workflow<OrderRequest, OrderResult>
{
    /// <summary>The name clients start it by.</summary>
    public const string Name = "orders.fulfil";

    /// <summary>Raised by the warehouse when the order is picked and packed.</summary>
    public const string WarehouseConfirmedEvent = "warehouse-confirmed";

    /// <summary>Raised by the shop when the customer cancels during the cooling-off period.</summary>
    public const string CancelOrderEvent = "cancel-order";

    public override async Task<OrderResult> RunAsync(WorkflowContext ctx, OrderRequest input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        if (input is null)
        {
            throw new ArgumentException("An order is required as input.");
        }

        input.Validate();

        ctx.SetCustomStatus(new { stage = "reserving-stock" });
        ReserveStockResult stock;
        try
        {
            stock = await ctx.CallActivityAsync<ReserveStockResult>(
                ReserveStockActivity.Name, new ReserveStockRequest(input.OrderId, input.Lines), OrderRetryPolicies.StockService);
        }
        catch (WorkflowTaskFailedException ex) when (ex.Failure.IsCausedBy(nameof(OutOfStockException)))
        {
            // Nothing is held and nothing is charged yet, so there is nothing to undo.
            return Closed(ctx, input, OrderStatus.OutOfStock, ex.Failure.ErrorMessage);
        }

        ctx.SetCustomStatus(new { stage = "charging-payment", stock.ReservationId });
        ChargePaymentResult payment;
        try
        {
            payment = await ctx.CallActivityAsync<ChargePaymentResult>(
                ChargePaymentActivity.Name,
                new ChargePaymentRequest(input.OrderId, input.CustomerId, input.Total, input.PaymentToken),
                OrderRetryPolicies.Payment);
        }
        catch (WorkflowTaskFailedException ex)
        {
            // However the charge failed, the customer has not paid: the stock goes back on sale.
            await ctx.CallActivityAsync(
                ReleaseStockActivity.Name, new ReleaseStockRequest(input.OrderId, stock.ReservationId), OrderRetryPolicies.Compensation);
            if (ex.Failure.IsCausedBy(nameof(PaymentDeclinedException)))
            {
                return Closed(ctx, input, OrderStatus.PaymentDeclined, ex.Failure.ErrorMessage);
            }

            // The payment provider stayed down through every retry: fail the instance so support sees it.
            throw;
        }

        var packed = await AwaitWarehouseAsync(ctx, input, stock);
        if (packed is null)
        {
            return await CancelPaidOrderAsync(ctx, input, stock, payment, "The warehouse did not confirm the order in time.");
        }

        var cancellation = await AwaitCoolingOffAsync(ctx, input.CoolingOffPeriod);
        if (cancellation is not null)
        {
            return await CancelPaidOrderAsync(
                ctx, input, stock, payment, $"Cancelled by the customer: {cancellation.Reason ?? "no reason given"}.");
        }

        // Past this point the parcels leave the building; a shipping failure needs a person (the instance fails
        // and shows up in the instances view), not an automatic refund for goods that may already be on a van.
        ctx.SetCustomStatus(new { stage = "shipping" });
        var shipment = await ctx.CallSubWorkflowAsync<ShipmentResult>(
            ShipmentWorkflow.Name,
            new ShipmentRequest(input.OrderId, input.CustomerId, stock.Warehouse, packed.Parcels ?? 1));

        ctx.Logger.LogInformation("Order {OrderId} shipped with {Carrier} as {TrackingNumber}", input.OrderId, shipment.Carrier, shipment.TrackingNumber);
        ctx.SetCustomStatus(new { stage = "shipped", shipment.TrackingNumber });
        return new OrderResult(input.OrderId, OrderStatus.Shipped, shipment.TrackingNumber);
    }

    /// <summary>
    /// Waits for the warehouse to confirm the order is packed; null when it never does.
    /// </summary>
    /// <remarks>
    /// One confirmation window, then an escalation to warehouse operations and one more window. A single missed
    /// window is usually a busy shift, and a person chasing it is cheaper than a cancelled sale; a second one means
    /// nobody is picking the order, and the customer is better served by a refund than by an open-ended wait with
    /// their money held. A confirmation that arrives while the ticket is being opened is not lost: events are
    /// buffered until the workflow waits for them.
    /// </remarks>
    private static async Task<WarehouseConfirmation?> AwaitWarehouseAsync(WorkflowContext ctx, OrderRequest input, ReserveStockResult stock)
    {
        ctx.SetCustomStatus(new { stage = "awaiting-warehouse", stock.Warehouse });
        try
        {
            return await WaitForConfirmationAsync(ctx, input.ConfirmationWindow);
        }
        catch (TimeoutException)
        {
            ctx.Logger.LogWarning("Order {OrderId}: {Warehouse} has not confirmed within {Window}; escalating", input.OrderId, stock.Warehouse, input.ConfirmationWindow);
        }

        var ticket = await ctx.CallActivityAsync<string>(
            EscalateOrderActivity.Name,
            new EscalateOrderRequest(input.OrderId, stock.Warehouse, $"Not confirmed within {input.ConfirmationWindow}."),
            OrderRetryPolicies.Compensation);

        ctx.SetCustomStatus(new { stage = "escalated", stock.Warehouse, ticket });
        try
        {
            return await WaitForConfirmationAsync(ctx, input.ConfirmationWindow);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    // An event without a payload still confirms the order.
    private static async Task<WarehouseConfirmation> WaitForConfirmationAsync(WorkflowContext ctx, TimeSpan window) =>
        await ctx.WaitForExternalEventAsync<WarehouseConfirmation?>(WarehouseConfirmedEvent, window) ?? new WarehouseConfirmation();

    /// <summary>
    /// Gives the customer a last chance to cancel free of charge before the carrier is booked (after which a
    /// cancellation costs a return shipment). Returns the cancellation, or null when the period ran out.
    /// </summary>
    private static async Task<CancelOrderRequest?> AwaitCoolingOffAsync(WorkflowContext ctx, TimeSpan period)
    {
        if (period <= TimeSpan.Zero)
        {
            return null;
        }

        ctx.SetCustomStatus(new { stage = "cooling-off", until = ctx.CurrentUtcDateTime + period });
        using var timerCancellation = new CancellationTokenSource();
        var periodOver = ctx.CreateTimerAsync(period, timerCancellation.Token);
        var cancelled = ctx.WaitForExternalEventAsync<CancelOrderRequest?>(CancelOrderEvent);
        if (await Task.WhenAny(periodOver, cancelled) == periodOver)
        {
            // A cancel-order event after this point is left unread: the order is on its way.
            return null;
        }

        // Cancel the durable timer, so the instance does not keep a pending timer for the rest of its life.
        timerCancellation.Cancel();
        return await cancelled ?? new CancelOrderRequest();
    }

    /// <summary>Undoes a paid order: refund the customer and put the stock back on sale, at the same time.</summary>
    private static async Task<OrderResult> CancelPaidOrderAsync(
        WorkflowContext ctx, OrderRequest input, ReserveStockResult stock, ChargePaymentResult payment, string reason)
    {
        ctx.SetCustomStatus(new { stage = "cancelling", reason });
        await Task.WhenAll(
            ctx.CallActivityAsync(
                RefundPaymentActivity.Name,
                new RefundPaymentRequest(input.OrderId, payment.PaymentId, payment.Amount, reason),
                OrderRetryPolicies.Compensation),
            ctx.CallActivityAsync(
                ReleaseStockActivity.Name, new ReleaseStockRequest(input.OrderId, stock.ReservationId), OrderRetryPolicies.Compensation));
        return Closed(ctx, input, OrderStatus.Cancelled, reason);
    }

    private static OrderResult Closed(WorkflowContext ctx, OrderRequest input, OrderStatus status, string reason)
    {
        ctx.Logger.LogWarning("Order {OrderId} closed as {Status}: {Reason}", input.OrderId, status, reason);
        ctx.SetCustomStatus(new { stage = "closed", status });
        return new OrderResult(input.OrderId, status, Reason: reason);
    }
}
