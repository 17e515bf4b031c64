namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>Input of <see cref="ChargePaymentActivity"/>.</summary>
/// <param name="OrderId">The order being paid for; shown on the customer's statement.</param>
/// <param name="CustomerId">Whose card on file to charge when there is no token.</param>
/// <param name="Amount">How much to charge.</param>
/// <param name="PaymentToken">The card token from checkout, or null for the card on file.</param>
public sealed record ChargePaymentRequest(string OrderId, string CustomerId, decimal Amount, string? PaymentToken);
