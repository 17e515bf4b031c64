using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Gives a customer their money back. A compensation step: the refund id is derived from the idempotency key, so a
/// repeated call is recognised by the provider and refunds once.
/// </summary>
[Activity(Name)]
public sealed class RefundPaymentActivity : Activity<RefundPaymentRequest, string>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "orders.refund-payment";

    public override Task<string> RunAsync(ActivityContext context, RefundPaymentRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult($"REF-{context.IdempotencyKey}");
    }
}
