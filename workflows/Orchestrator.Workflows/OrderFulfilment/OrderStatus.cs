namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>How an order ended (serialized as its name, e.g. <c>"PaymentDeclined"</c>).</summary>
public enum OrderStatus
{
    /// <summary>Handed to a carrier; the result carries the tracking number.</summary>
    Shipped,

    /// <summary>A line could not be reserved; nothing was charged.</summary>
    OutOfStock,

    /// <summary>The bank declined the card; the reserved stock was released.</summary>
    PaymentDeclined,

    /// <summary>Cancelled after payment (by the customer, or because the warehouse never confirmed); refunded.</summary>
    Cancelled,
}
