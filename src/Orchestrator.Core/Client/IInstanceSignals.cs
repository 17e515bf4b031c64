namespace Orchestrator.Core.Client;

/// <summary>
/// Lets an activity publish transient signals (e.g. model tokens as they stream) to watchers of an instance.
/// Signals are not history: a watcher that connects later does not see them; the step's result is the checkpoint.
/// </summary>
public interface IInstanceSignals
{
    /// <summary>Publishes a signal to the instance's watchers; does nothing when nobody watches.</summary>
    /// <param name="instanceId">The instance.</param>
    /// <param name="kind">The signal kind, e.g. <c>model.delta</c>.</param>
    /// <param name="dataJson">Its data as JSON text.</param>
    void Publish(string instanceId, string kind, string? dataJson);

    /// <summary>Whether anybody watches the instance (so producers can skip building signals).</summary>
    /// <param name="instanceId">The instance.</param>
    /// <returns>True when at least one watcher is connected.</returns>
    bool HasWatchers(string instanceId);
}
