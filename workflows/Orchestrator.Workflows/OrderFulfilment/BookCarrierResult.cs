namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Output of <see cref="BookCarrierActivity"/>.</summary>
/// <param name="Carrier">The booked carrier.</param>
/// <param name="TrackingNumber">The carrier's tracking number.</param>
public sealed record BookCarrierResult(string Carrier, string TrackingNumber);
