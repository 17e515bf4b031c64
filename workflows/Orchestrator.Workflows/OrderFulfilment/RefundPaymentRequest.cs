namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="RefundPaymentActivity"/>.</summary>
/// <param name="OrderId">The order being refunded.</param>
/// <param name="PaymentId">The payment to refund.</param>
/// <param name="Amount">How much to give back.</param>
/// <param name="Reason">Why, for the customer's statement and the support team.</param>
public sealed record RefundPaymentRequest(string OrderId, string PaymentId, decimal Amount, string Reason);
