using System.ComponentModel;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Tests.Infrastructure;

/// <summary>Two tools whose names differ only where a model's function names cannot: <c>orders.find</c> and <c>orders_find</c>.</summary>
public sealed class LookalikeTools(ToolLedger ledger)
{
    [Tool("orders.find", Description = "Finds an order by id.")]
    public object Find([Description("The order id.")] string id, ToolInvocationContext context)
    {
        ledger.Record("orders.find", context, id);
        return new { found = id };
    }

    [Tool("orders_find", Description = "Finds an archived order by id.")]
    public object FindArchived([Description("The order id.")] string id, ToolInvocationContext context)
    {
        ledger.Record("orders_find", context, id);
        return new { archived = id };
    }
}
