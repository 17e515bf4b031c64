using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Books a collection with a carrier. Simulated: more than three parcels go by freight, the rest by parcel service;
/// the tracking number is derived from the order number.
/// </summary>
[Activity(Name)]
public sealed class BookCarrierActivity : Activity<BookCarrierRequest, BookCarrierResult>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "orders.book-carrier";

    private const int MaxParcelsForParcelService = 3;

    public override Task<BookCarrierResult> RunAsync(ActivityContext context, BookCarrierRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();

        var booking = input.Parcels > MaxParcelsForParcelService
            ? new BookCarrierResult("FreightLine", $"FL-{input.OrderId}")
            : new BookCarrierResult("ParcelExpress", $"PX-{input.OrderId}");
        return Task.FromResult(booking);
    }
}
