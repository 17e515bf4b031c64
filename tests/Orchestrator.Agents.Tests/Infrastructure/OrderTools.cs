using System.Collections.Concurrent;
using System.ComponentModel;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Tests.Infrastructure;

/// <summary>Tools with observable side effects: every call is written to the test's ledger.</summary>
public sealed class OrderTools(ToolLedger ledger)
{
    [Tool("crm.lookup", Description = "Looks up an order.")]
    public object Lookup([Description("The order id.")] string orderId, ToolInvocationContext context)
    {
        ledger.Record("crm.lookup", context, orderId);
        return orderId == "missing" ? throw new KeyNotFoundException($"No order {orderId}.") : new { orderId, total = 900m, status = "delivered damaged" };
    }

    [Tool("billing.refund", Description = "Refunds an amount.")]
    public object Refund([Description("The order id.")] string orderId, [Description("Dollars.")] decimal amount, ToolInvocationContext context)
    {
        ledger.Record("billing.refund", context, $"{orderId}:{amount}");
        return new { refunded = amount };
    }
}

/// <summary>What the tools were called with, per idempotency key.</summary>
public sealed class ToolLedger
{
    public ConcurrentQueue<(string Tool, string Key, string? Agent, string? OnBehalfOf, string Detail)> Calls { get; } = new();

    public void Record(string tool, ToolInvocationContext context, string detail) =>
        Calls.Enqueue((tool, context.IdempotencyKey, context.Agent, context.OnBehalfOf, detail));
}
