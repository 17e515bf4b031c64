namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Output of <see cref="OrderFulfilmentWorkflow"/>.</summary>
/// <param name="OrderId">The order number.</param>
/// <param name="Status">How the order ended.</param>
/// <param name="TrackingNumber">The carrier's tracking number when <see cref="OrderStatus.Shipped"/>.</param>
/// <param name="Reason">Why the order was not shipped, in words a support agent can pass on.</param>
public sealed record OrderResult(string OrderId, OrderStatus Status, string? TrackingNumber = null, string? Reason = null);
