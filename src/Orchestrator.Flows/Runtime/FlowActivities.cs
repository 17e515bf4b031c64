using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Agents.Internal.Tools;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Flows.Runtime;

/// <summary>The activities flows call that are not agents' (HTTP requests, agent look-up, starting workflows), registered with the engine.</summary>
internal static class FlowActivities
{
    /// <summary>
    /// Registers <c>flow.http</c> (with the egress HTTP client that HTTP and MCP tools use too), <c>flow.resolve-agent</c> and
    /// <c>flow.start-workflow</c>; call once, after <c>AddAgents</c>.
    /// </summary>
    public static void Register(OrchestratorBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.Services.Any(d => d.ServiceType == typeof(FlowActivitiesMarker)))
        {
            return;
        }

        builder.Services.AddSingleton<FlowActivitiesMarker>();
        EgressHttp.Register(builder.Services);
        builder.AddActivity<FlowHttpActivity>();
        builder.AddActivity<ResolveAgentActivity>();
        builder.AddActivity<FlowStartWorkflowActivity>();
    }
}
