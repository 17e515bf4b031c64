namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="BookCarrierActivity"/>.</summary>
/// <param name="OrderId">The order being shipped.</param>
/// <param name="CustomerId">Whose address on file to deliver to.</param>
/// <param name="Warehouse">Where to collect.</param>
/// <param name="Parcels">How many parcels to collect.</param>
public sealed record BookCarrierRequest(string OrderId, string CustomerId, string Warehouse, int Parcels);
