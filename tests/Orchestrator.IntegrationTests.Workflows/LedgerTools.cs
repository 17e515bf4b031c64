using System.ComponentModel;
using Microsoft.Extensions.Configuration;
using Orchestrator.Agents.Tools;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>A refund tool with a real side effect: a ledger row per idempotency key (re-deliveries recorded separately).</summary>
public sealed class LedgerTools(IConfiguration configuration)
{
    public const string Refund = "it.refund";

    [Tool(Refund, Description = "Refunds an amount of an order.")]
    public async Task<object> RefundAsync(
        [Description("The order id.")] string orderId,
        [Description("The amount in dollars.")] decimal amount,
        ToolInvocationContext context)
    {
        await LedgerFile.RecordAsync(configuration, context.IdempotencyKey, $"refund {orderId} {amount} by {context.Agent} for {context.OnBehalfOf}", 1, context.CancellationToken);
        return new { refunded = amount, orderId, reference = context.IdempotencyKey };
    }
}
