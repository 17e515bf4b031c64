using System.Threading.Channels;

namespace Orchestrator.Core.Governance;

/// <summary>
/// A live feed of human-task changes from the moment it was taken; dispose it to stop receiving. Changes are not
/// replayed: a watcher that subscribes later reads current tasks with <see cref="IHumanTaskService.QueryAsync"/>.
/// </summary>
public sealed class HumanTaskSubscription : IDisposable
{
    private readonly Action _unsubscribe;

    internal HumanTaskSubscription(ChannelReader<HumanTaskChange> changes, Action unsubscribe)
    {
        Changes = changes;
        _unsubscribe = unsubscribe;
    }

    /// <summary>The changes, in commit order; completes when the subscription is disposed.</summary>
    public ChannelReader<HumanTaskChange> Changes { get; }

    /// <summary>Stops the feed.</summary>
    public void Dispose() => _unsubscribe();
}
