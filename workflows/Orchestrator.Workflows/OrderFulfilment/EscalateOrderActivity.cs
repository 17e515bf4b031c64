using Orchestrator.Core;

namespace Orchestrator.Workflows.OrderFulfilment;

/// <summary>
/// Opens a ticket with warehouse operations for an order the warehouse has not confirmed in time, and returns the
/// ticket number. Simulated: the ticket number is derived from the idempotency key, so a retry opens no second ticket.
/// </summary>
[Activity(Name)]
public sealed class EscalateOrderActivity : Activity<EscalateOrderRequest, string>
{
    /// <summary>The name workflows call it by.</summary>
    public const string Name = "orders.escalate";

    public override Task<string> RunAsync(ActivityContext context, EscalateOrderRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.CancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult($"OPS-{context.IdempotencyKey}");
    }
}
