using Orchestrator.Core.Client;

namespace Orchestrator.Core.Runtime;

/// <summary>Transient signals go straight to the engine's change hub.</summary>
internal sealed class InstanceSignals(WorkflowEngine engine) : IInstanceSignals
{
    public void Publish(string instanceId, string kind, string? dataJson)
    {
        if (engine.Changes.HasWatchers(instanceId))
        {
            engine.Changes.Publish(new InstanceSignal(instanceId, kind, dataJson));
        }
    }

    public bool HasWatchers(string instanceId) => engine.Changes.HasWatchers(instanceId);
}
