namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="PrintLabelActivity"/>.</summary>
/// <param name="OrderId">The order being shipped.</param>
/// <param name="Warehouse">Whose label printer to use.</param>
/// <param name="Carrier">The booked carrier, printed on the label.</param>
/// <param name="TrackingNumber">Printed on the label as a barcode.</param>
public sealed record PrintLabelRequest(string OrderId, string Warehouse, string Carrier, string TrackingNumber);
