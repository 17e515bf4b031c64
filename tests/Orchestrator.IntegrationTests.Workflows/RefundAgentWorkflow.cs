using Microsoft.Extensions.Configuration;
using Orchestrator.Agents;
using Orchestrator.Agents.Approvals;
using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>
/// Runs a refund agent on the customer's message. Refunds above $500 need approval by the assignees in
/// ItTests:Approvers (default role:approver), due after ItTests:ApprovalSeconds (escalating to user:admin).
/// </summary>
[Workflow("it.refund-agent")]
public sealed class RefundAgentWorkflow(IConfiguration configuration) : Workflow<string, AgentRunResult>
{
    private readonly string[] _approvers = (configuration["ItTests:Approvers"] ?? "role:approver").Split(',');
    private readonly int _approvalSeconds = int.TryParse(configuration["ItTests:ApprovalSeconds"], out var s) ? s : 3600;

    public override Task<AgentRunResult> RunAsync(WorkflowContext ctx, string input) =>
        ctx.RunAgentAsync(
            new AgentDefinition
            {
                Name = "refunder",
                Instructions = "You issue refunds for orders. Task: {{ input }}",
                Tools = [LedgerTools.Refund],
                Approvals = new Dictionary<string, ToolApprovalRule>
                {
                    [LedgerTools.Refund] = new()
                    {
                        Mode = ApprovalMode.When,
                        Condition = "amount > 500",
                        AssignTo = _approvers,
                        DueIn = TimeSpan.FromSeconds(_approvalSeconds),
                        OnTimeout = ApprovalTimeoutAction.Escalate,
                        EscalateTo = ["user:admin"],
                    },
                },
                Limits = new AgentLimits { MaxTurns = 5 },
            },
            input);
}
