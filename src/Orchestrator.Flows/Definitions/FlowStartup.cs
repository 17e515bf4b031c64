using Microsoft.Extensions.Hosting;
using Orchestrator.Core.Storage;

namespace Orchestrator.Flows.Definitions;

/// <summary>
/// Before any hosted service starts (the engine recovers instances in its start, and they may run any published version),
/// opens the store, loads every published version into the catalog and publishes the flow files.
/// </summary>
internal sealed class FlowStartup(IWorkflowStore workflowStore, IFlowDefinitionStore store, FlowCatalog catalog, FlowSampleLoader samples)
    : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        // Opening is idempotent; the engine opens the store again in its own start.
        await workflowStore.InitializeAsync(cancellationToken);
        await catalog.LoadAsync(store, cancellationToken);
        await samples.LoadAsync(cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
