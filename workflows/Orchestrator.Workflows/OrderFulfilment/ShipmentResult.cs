namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Output of <see cref="ShipmentWorkflow"/>.</summary>
/// <param name="Carrier">Who collects the parcels.</param>
/// <param name="TrackingNumber">What the customer tracks the delivery with.</param>
/// <param name="LabelId">The printed shipping label.</param>
public sealed record ShipmentResult(string Carrier, string TrackingNumber, string LabelId);
