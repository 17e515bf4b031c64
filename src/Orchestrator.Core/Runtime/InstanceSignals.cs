using Orchestrator.Core.Client;

namespace Orchestrator.Core.Runtime;

/// <summary>Transient signals go straight to the engine's change hub.</summary>
internal sealed class InstanceSignals(InstanceChangeHub changes) : IInstanceSignals
{
    public void Publish(string instanceId, string kind, string? dataJson)
    {
        if (changes.HasWatchers(instanceId))
        {
            changes.Publish(new InstanceSignal(instanceId, kind, dataJson));
        }
    }

    public bool HasWatchers(string instanceId) => changes.HasWatchers(instanceId);
}
