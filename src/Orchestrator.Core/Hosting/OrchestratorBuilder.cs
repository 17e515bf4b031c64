using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Registry;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Hosting;

/// <summary>Configures the engine: its store, workflows, activities and options. Returned by <c>AddOrchestrator</c>.</summary>
public sealed class OrchestratorBuilder
{
    internal OrchestratorBuilder(IServiceCollection services, WorkflowRegistry registry)
    {
        Services = services;
        Registry = registry;
    }

    /// <summary>The service collection, for store and extension packages.</summary>
    public IServiceCollection Services { get; }

    internal WorkflowRegistry Registry { get; }

    /// <summary>Uses the given store (the last call wins).</summary>
    /// <param name="factory">Creates the store.</param>
    /// <returns>This builder.</returns>
    public OrchestratorBuilder UseStore(Func<IServiceProvider, IWorkflowStore> factory)
    {
        Services.AddSingleton(factory);
        return this;
    }

    /// <summary>Sets engine options.</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public OrchestratorBuilder Configure(Action<EngineOptions> configure)
    {
        Services.Configure(configure);
        return this;
    }

    /// <summary>Registers a workflow class (a subclass of <see cref="Workflow{TInput, TOutput}"/>).</summary>
    /// <typeparam name="TWorkflow">The workflow type.</typeparam>
    /// <returns>This builder.</returns>
    public OrchestratorBuilder AddWorkflow<TWorkflow>()
        where TWorkflow : class
    {
        Registry.AddWorkflowType(typeof(TWorkflow));
        return this;
    }

    /// <summary>Registers an activity class (a subclass of <see cref="Activity{TInput, TOutput}"/>).</summary>
    /// <typeparam name="TActivity">The activity type.</typeparam>
    /// <returns>This builder.</returns>
    public OrchestratorBuilder AddActivity<TActivity>()
        where TActivity : class
    {
        Registry.AddActivityType(typeof(TActivity));
        return this;
    }

    /// <summary>Registers a workflow written as a function (handy for tests and small glue workflows).</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The workflow name.</param>
    /// <param name="run">The body; the same determinism rules apply.</param>
    /// <param name="version">The version.</param>
    /// <returns>This builder.</returns>
    public OrchestratorBuilder AddWorkflow<TInput, TOutput>(string name, Func<WorkflowContext, TInput, Task<TOutput>> run, string version = "1")
    {
        Registry.AddWorkflowFunction(name, version, run);
        return this;
    }

    /// <summary>Registers an activity written as a function.</summary>
    /// <typeparam name="TInput">The input type.</typeparam>
    /// <typeparam name="TOutput">The output type.</typeparam>
    /// <param name="name">The activity name.</param>
    /// <param name="run">The body.</param>
    /// <returns>This builder.</returns>
    public OrchestratorBuilder AddActivity<TInput, TOutput>(string name, Func<ActivityContext, TInput, Task<TOutput>> run)
    {
        Registry.AddActivityFunction(name, run);
        return this;
    }

    /// <summary>Registers every non-abstract workflow and activity class in an assembly.</summary>
    /// <param name="assembly">The assembly to scan.</param>
    /// <returns>This builder.</returns>
    public OrchestratorBuilder AddWorkflowsFrom(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }))
        {
            if (WorkflowRegistry.IsWorkflowType(type))
            {
                Registry.AddWorkflowType(type);
            }
            else if (WorkflowRegistry.IsActivityType(type))
            {
                Registry.AddActivityType(type);
            }
        }

        return this;
    }
}
