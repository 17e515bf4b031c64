using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Charges the customer for an order. Simulated: the token <c>declined</c> is declined by the bank; every other
/// token, and no token (the card on file), is charged.
/// </summary>
[Activity(Name)]
public sealed class ChargePaymentActivity : Activity<ChargePaymentRequest, ChargePaymentResult>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "orders.charge-payment";

    public override Task<ChargePaymentResult> RunAsync(ActivityContext context, ChargePaymentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();

        if (string.Equals(input.PaymentToken, "declined", StringComparison.OrdinalIgnoreCase))
        {
            throw new PaymentDeclinedException($"The card for order '{input.OrderId}' was declined by the bank.");
        }

        // A real provider takes the idempotency key with the charge: a retry after a lost response then returns the
        // original payment instead of charging the customer twice.
        var payment = new ChargePaymentResult($"PAY-{context.IdempotencyKey}", input.Amount);
        return Task.FromResult(payment);
    }
}
