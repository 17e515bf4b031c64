namespace Orchestrator.Agents.Tests.Infrastructure;

/// <summary>Agents and workflows the tests run.</summary>
internal static class TestAgents
{
    public static AgentDefinition Support(int maxTurns = 5) => new()
    {
        Name = "support",
        Instructions = "You help customers. Task: {{ input }}",
        Tools = ["crm.lookup", "billing.refund"],
        Approvals = new Dictionary<string, ToolApprovalRule>
        {
            ["billing.refund"] = new() { Mode = ApprovalMode.When, Condition = "amount > 500", AssignTo = ["role:approver"] },
        },
        Limits = new AgentLimits { MaxTurns = maxTurns },
    };

    public static void Register(Core.Hosting.OrchestratorBuilder o, AgentsBuilder agents, ToolLedger ledger, int maxTurns = 5)
    {
        o.Services.AddSingletonLedger(ledger);
        agents.AddTools<OrderTools>();
        o.AddWorkflow<string, AgentRunResult>("test.support", (ctx, message) => ctx.RunAgentAsync(Support(maxTurns), message));
    }

    private static void AddSingletonLedger(this Microsoft.Extensions.DependencyInjection.IServiceCollection services, ToolLedger ledger) =>
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton(services, ledger);
}
