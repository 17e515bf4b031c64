namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Payload of the <c>cancel-order</c> event, raised when the customer cancels during the cooling-off period.</summary>
/// <param name="Reason">What the customer gave as the reason; optional.</param>
public sealed record CancelOrderRequest(string? Reason = null);
