namespace Orchestrator.Workflows.SupportTriage;

/// <summary>What the CRM knows about an order.</summary>
public sealed record OrderSummary(string OrderId, string Customer, string Status, decimal Total, string Contents);
