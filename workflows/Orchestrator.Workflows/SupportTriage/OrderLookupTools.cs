using System.ComponentModel;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Workflows.SupportTriage;

/// <summary>A C# tool over a small built-in order book (a real deployment would call the CRM here).</summary>
public sealed class OrderLookupTools
{
    public const string LookupOrder = "crm.lookup-order";

    private static readonly Dictionary<string, OrderSummary> Orders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["A-1001"] = new("A-1001", "ada@example.com", "Shipped", 129.90m, "2 × espresso grinder burrs"),
        ["A-1002"] = new("A-1002", "grace@example.com", "Delivered damaged", 749.00m, "1 × espresso machine"),
        ["A-1003"] = new("A-1003", "linus@example.com", "Processing", 42.50m, "3 × descaler"),
    };

    [Tool(LookupOrder, Description = "Looks up an order by its id: customer, status, total and contents.")]
    public static OrderSummary Lookup([Description("The order id, e.g. A-1001.")] string orderId, ToolInvocationContext context) =>
        Orders.TryGetValue(orderId, out var order)
            ? order
            : throw new KeyNotFoundException($"No order has the id '{orderId}'. Order ids look like A-1001.");
}
