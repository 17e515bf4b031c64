using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Agents.Internal.Tools;
using Orchestrator.Core.Hosting;

namespace Orchestrator.Flows.Runtime;

/// <summary>The activities flows call that are not agents' (HTTP requests, agent look-up, starting workflows), registered with the engine.</summary>
internal static class FlowActivities
{
    /// <summary>
    /// Registers <c>flow.http</c> (with its HTTP client and the egress allow-list), <c>flow.resolve-agent</c> and
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
        builder.Services.AddHttpClient(FlowHttpActivity.ClientName, client =>
        {
            client.MaxResponseContentBufferSize = FlowHttpActivity.MaxResponseBytes;
            client.Timeout = Timeout.InfiniteTimeSpan; // the activity's own limit applies, so a slow host becomes the Timeout outcome
        });
        builder.Services.TryAddSingleton(sp => new HttpEgressPolicy(sp.GetRequiredService<IConfiguration>()));
        builder.AddActivity<FlowHttpActivity>();
        builder.AddActivity<ResolveAgentActivity>();
        builder.AddActivity<FlowStartWorkflowActivity>();
    }
}
