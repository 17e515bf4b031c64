using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orchestrator.Core.Client;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Runtime;

namespace Orchestrator.Core.Hosting;

/// <summary>Adds the engine to a service collection.</summary>
public static class OrchestratorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable engine (a hosted service), its <see cref="IWorkflowClient"/>, and the workflows and activities
    /// registered by <paramref name="configure"/>. A store must be chosen, e.g. <c>o.UseSqlite()</c>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Chooses the store and registers workflows.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddOrchestrator(this IServiceCollection services, Action<OrchestratorBuilder> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var registry = services.Select(d => d.ImplementationInstance).OfType<WorkflowRegistry>().FirstOrDefault();
        if (registry is null)
        {
            registry = new WorkflowRegistry();
            services.AddSingleton(registry);
            services.AddOptions<EngineOptions>();
            services.TryAddSingleton(TimeProvider.System);
            services.TryAddSingleton<FaultInjector>();
            services.AddSingleton<WorkflowEngine>();
            services.AddSingleton<IWorkflowClient>(sp => sp.GetRequiredService<WorkflowEngine>().Client);
            services.AddSingleton<IHumanTaskService>(sp =>
            {
                var engine = sp.GetRequiredService<WorkflowEngine>();
                return new HumanTaskService(engine.Journal, engine.Store, engine.TaskChanges, engine.Limits, engine.Time);
            });
            services.AddSingleton<IAuditLog>(sp =>
            {
                var engine = sp.GetRequiredService<WorkflowEngine>();
                return new AuditLog(engine.Journal, engine.Store);
            });
            services.AddSingleton<IHumanTaskChanges>(sp => sp.GetRequiredService<WorkflowEngine>().TaskChanges);
            services.AddSingleton<IInstanceSignals>(sp => new InstanceSignals(sp.GetRequiredService<WorkflowEngine>().Changes));
            services.AddHostedService(sp => sp.GetRequiredService<WorkflowEngine>());
        }

        configure(new OrchestratorBuilder(services, registry));
        return services;
    }
}
