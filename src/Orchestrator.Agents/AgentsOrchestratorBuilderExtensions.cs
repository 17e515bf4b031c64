using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents.Internal.Approvals;
using Orchestrator.Agents.Internal.Loop;
using Orchestrator.Agents.Internal.Models;
using Orchestrator.Agents.Internal.Tools;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Agents;

/// <summary>Turns the engine into an agent runtime.</summary>
public static class AgentsOrchestratorBuilderExtensions
{
    /// <summary>
    /// Adds models (<c>Orchestrator:Models:*</c>), the tool registry (C# tools, <c>Orchestrator:Tools:Http:*</c>,
    /// <c>Orchestrator:Tools:Mcp:*</c>), the agent loop, approvals and their activities.
    /// </summary>
    /// <param name="builder">The engine builder.</param>
    /// <param name="configuration">The configuration holding the model, tool and secret settings.</param>
    /// <returns>A builder for agents and C# tools.</returns>
    public static AgentsBuilder AddAgents(this OrchestratorBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var existing = builder.Services.Select(d => d.ImplementationInstance).OfType<AgentsBuilder>().FirstOrDefault();
        if (existing is not null)
        {
            return existing;
        }

        ModelRegistration.AddModels(builder, configuration);
        var tools = ToolRegistration.AddTools(builder, configuration);
        var agents = new AgentCatalog();
        builder.Services.AddSingleton(agents);
        builder.AddActivity<CreateApprovalActivity>();
        builder.AddActivity<ResolveApprovalActivity>();
        builder.AddActivity<EvaluateApprovalRuleActivity>();
        builder.AddActivity<ListAgentToolsActivity>();
        builder.AddWorkflow<AgentWorkflow>();
        var agentsBuilder = new AgentsBuilder(tools, agents);
        builder.Services.AddSingleton(agentsBuilder);
        return agentsBuilder;
    }
}
