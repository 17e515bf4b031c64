using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Agents;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;
using Orchestrator.Flows;
using Orchestrator.Storage.Sqlite;
using Orchestrator.Workflows;

namespace Orchestrator.Server.Configuration;

/// <summary>
/// Adds the durable engine with the configured store, engine options, agents (models, tools, approvals), the workflows,
/// and designer flows (published versions, and the flow files of <c>Orchestrator:Flows:Paths</c> published at start).
/// </summary>
internal static class EngineRegistration
{
    public static IServiceCollection AddOrchestratorEngine(this IServiceCollection services, IConfiguration configuration, ServerSettings settings)
    {
        // Unknown keys under Orchestrator:Engine are typos that would otherwise be ignored silently.
        var maxPayloadBytes = ConfigValues.GetLong(configuration, ConfigKeys.MaxPayloadBytes, EngineOptions.DefaultMaxPayloadBytes, min: 1024);
        services.AddOptions<EngineOptions>()
            .Bind(configuration.GetSection(ConfigKeys.Engine), binder => binder.ErrorOnUnknownConfiguration = true)
            .PostConfigure(options => options.MaxPayloadBytes = maxPayloadBytes);

        services.AddOrchestrator(o =>
        {
            o.UseSqlite(sqlite =>
            {
                sqlite.DataDir = settings.DataDir;
                sqlite.ConnectionString = settings.Storage.ConnectionString;
                sqlite.PowerLossDurability = settings.Storage.PowerLossDurability;
            });
            var agents = o.AddAgents(configuration);
            o.AddFlows(flows =>
            {
                foreach (var path in settings.FlowPaths)
                {
                    flows.Paths.Add(path);
                }
            });
            o.AddWorkflowsFrom(typeof(SamplesAssembly).Assembly);
            agents.AddToolsFrom(typeof(SamplesAssembly).Assembly);
            foreach (var assembly in WorkflowAssemblies.Load(settings.WorkflowAssemblyPaths))
            {
                o.AddWorkflowsFrom(assembly);
                agents.AddToolsFrom(assembly);
            }
        });

        // The store answers usage queries too; the usage endpoint depends only on that part of it.
        services.TryAddSingleton<IUsageStore>(sp => sp.GetRequiredService<IWorkflowStore>());
        return services;
    }
}
