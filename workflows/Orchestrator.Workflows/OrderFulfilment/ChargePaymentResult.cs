namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Output of <see cref="ChargePaymentActivity"/>.</summary>
/// <param name="PaymentId">The payment provider's id; quote it to refund.</param>
/// <param name="Amount">How much was charged.</param>
public sealed record ChargePaymentResult(string PaymentId, decimal Amount);
