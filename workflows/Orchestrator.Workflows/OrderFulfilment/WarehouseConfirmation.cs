namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Payload of the <c>warehouse-confirmed</c> event: the order has been picked and packed.</summary>
/// <param name="ConfirmedBy">Who confirmed it, for the audit trail; optional.</param>
/// <param name="Parcels">How many parcels it was packed into; defaults to 1.</param>
public sealed record WarehouseConfirmation(string? ConfirmedBy = null, int? Parcels = null);
