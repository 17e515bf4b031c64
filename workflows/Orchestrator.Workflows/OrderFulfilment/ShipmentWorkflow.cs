using Microsoft.Extensions.Logging;
using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Ships a picked and packed order: book a carrier, then print the label with the carrier's tracking number.
/// A sub-workflow of <see cref="OrderFulfilmentWorkflow"/>, so shipping has its own history and status, and can be
/// reused by returns and replacement orders.
/// </summary>
[Workflow(Name, Description = "Books a carrier and prints the shipping label for a packed order.")]
public sealed class ShipmentWorkflow : Workflow<ShipmentRequest, ShipmentResult>
{
    /// <summary>The name parents call it by.</summary>
    public const string Name = "orders.ship";

    public override async Task<ShipmentResult> RunAsync(WorkflowContext ctx, ShipmentRequest input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(input);

        ctx.SetCustomStatus(new { stage = "booking-carrier" });
        var booking = await ctx.CallActivityAsync<BookCarrierResult>(
            BookCarrierActivity.Name,
            new BookCarrierRequest(input.OrderId, input.CustomerId, input.Warehouse, Math.Max(1, input.Parcels)),
            OrderRetryPolicies.Carrier);

        ctx.SetCustomStatus(new { stage = "printing-label", booking.Carrier, booking.TrackingNumber });
        var labelId = await ctx.CallActivityAsync<string>(
            PrintLabelActivity.Name,
            new PrintLabelRequest(input.OrderId, input.Warehouse, booking.Carrier, booking.TrackingNumber),
            OrderRetryPolicies.Carrier);

        ctx.Logger.LogInformation(
            "Order {OrderId} booked with {Carrier} as {TrackingNumber}, label {LabelId}",
            input.OrderId,
            booking.Carrier,
            booking.TrackingNumber,
            labelId);
        ctx.SetCustomStatus(new { stage = "ready-for-collection", booking.TrackingNumber });
        return new ShipmentResult(booking.Carrier, booking.TrackingNumber, labelId);
    }
}
