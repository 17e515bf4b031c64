namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="EscalateOrderActivity"/>.</summary>
/// <param name="OrderId">The stuck order.</param>
/// <param name="Warehouse">The warehouse that has not confirmed it.</param>
/// <param name="Reason">What is overdue, in words the operations team can act on.</param>
public sealed record EscalateOrderRequest(string OrderId, string Warehouse, string Reason);
