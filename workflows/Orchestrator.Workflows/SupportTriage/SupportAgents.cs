using Orchestrator.Agents;
using Orchestrator.Agents.Approvals;

namespace Orchestrator.Workflows.SupportTriage;

/// <summary>The support agent: looks orders up itself, and needs a person's approval for refunds above $500.</summary>
public static class SupportAgents
{
    public const string RefundTool = "billing.refund";

    public static AgentDefinition Triage { get; } = new()
    {
        Name = "support-triage",
        Description = "Answers customer questions about orders and issues refunds.",
        Instructions = """
            You are Acme's support agent. Help the customer with their order.
            Look orders up with crm.lookup-order before you answer anything about them.
            When a refund is due, issue it with billing.refund (orderId, amount in dollars, reason).
            Refunds above $500 are reviewed by a person before they go out; tell the customer if one was declined.
            Be brief and friendly.
            """,
        Tools = [OrderLookupTools.LookupOrder, RefundTool],
        Approvals = new Dictionary<string, ToolApprovalRule>
        {
            [RefundTool] = new()
            {
                Mode = ApprovalMode.When,
                Condition = "amount > 500",
                AssignTo = ["role:approver"],
                DueIn = TimeSpan.FromHours(4),
                OnTimeout = ApprovalTimeoutAction.Escalate,
                EscalateTo = ["role:admin"],
            },
        },
        Limits = new AgentLimits { MaxTurns = 8, MaxCostUsd = 0.50m },
    };
}
