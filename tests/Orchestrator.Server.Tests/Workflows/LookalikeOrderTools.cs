using System.ComponentModel;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Two tools whose names differ only by a character a model's function names may not hold.</summary>
public sealed class LookalikeOrderTools
{
    [Tool("orders.find", Description = "Finds an order.")]
    public object Find([Description("The order id.")] string id) => new { found = id };

    [Tool("orders_find", Description = "Finds an archived order.")]
    public object FindArchived([Description("The order id.")] string id) => new { archived = id };
}
