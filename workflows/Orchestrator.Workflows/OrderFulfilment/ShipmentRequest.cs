namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="ShipmentWorkflow"/>.</summary>
/// <param name="OrderId">The order being shipped.</param>
/// <param name="CustomerId">Whose address on file to ship to.</param>
/// <param name="Warehouse">Where the carrier collects.</param>
/// <param name="Parcels">How many parcels the warehouse packed; at least 1.</param>
public sealed record ShipmentRequest(string OrderId, string CustomerId, string Warehouse, int Parcels);
