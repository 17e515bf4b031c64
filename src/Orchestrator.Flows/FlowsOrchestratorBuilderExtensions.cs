using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orchestrator.Core.Hosting;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Runtime;

namespace Orchestrator.Flows;

/// <summary>Adds designer flows to the engine.</summary>
public static class FlowsOrchestratorBuilderExtensions
{
    /// <summary>
    /// Runs published designer flows (Elsa 3 JSON) as workflows named by their definition id: adds the
    /// <see cref="FlowDefinitionService"/>, the <see cref="FlowCatalog"/> of published versions (an
    /// <see cref="IWorkflowSource"/>, loaded from the store's <c>IFlowDefinitionStore</c> before the engine starts) and
    /// the activities flows call. Needs a store that keeps flow definitions (e.g. <c>UseSqlite</c>) and, for agent, model,
    /// tool and approval nodes, <c>AddAgents</c>.
    /// </summary>
    /// <param name="builder">The engine builder.</param>
    /// <param name="configure">Sets the flow files published at start and the limits; configuration keys under <c>Orchestrator:Flows</c> win.</param>
    /// <returns>The builder.</returns>
    public static OrchestratorBuilder AddFlows(this OrchestratorBuilder builder, Action<FlowOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new FlowOptions();
        configure?.Invoke(options);
        if (builder.Services.Any(d => d.ServiceType == typeof(FlowCatalog)))
        {
            return builder;
        }

        builder.Services.AddSingleton(sp => options.Configure(sp.GetService<IConfiguration>()));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FlowCatalog>();
        builder.Services.AddSingleton<IWorkflowSource>(sp => sp.GetRequiredService<FlowCatalog>());
        builder.Services.AddSingleton<FlowDefinitionService>();
        builder.Services.AddSingleton<FlowSampleLoader>();
        builder.Services.AddSingleton<IHostedService, FlowStartup>();
        FlowActivities.Register(builder);
        return builder;
    }
}
