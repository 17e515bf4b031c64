using System.Collections.Concurrent;
using System.Threading.Channels;
using Orchestrator.Core.Client;

namespace Orchestrator.Core.Runtime;

/// <summary>Fans committed changes out to watchers of each instance; costs nothing when nobody watches.</summary>
internal sealed class InstanceChangeHub
{
    private readonly ConcurrentDictionary<string, ImmutableSubscribers> _subscribers = new(StringComparer.Ordinal);

    public bool HasWatchers(string instanceId) => _subscribers.ContainsKey(instanceId);

    public void Publish(InstanceChange change)
    {
        if (_subscribers.TryGetValue(change.InstanceId, out var subs))
        {
            foreach (var writer in subs.Writers)
            {
                writer.TryWrite(change);
            }
        }
    }

    public ChannelReader<InstanceChange> Subscribe(string instanceId, out Action unsubscribe)
    {
        var channel = Channel.CreateUnbounded<InstanceChange>(new UnboundedChannelOptions { SingleReader = true });
        _subscribers.AddOrUpdate(instanceId, _ => new([channel.Writer]), (_, s) => new([.. s.Writers, channel.Writer]));
        unsubscribe = () =>
        {
            channel.Writer.TryComplete();
            while (_subscribers.TryGetValue(instanceId, out var current))
            {
                var remaining = current.Writers.Where(w => w != channel.Writer).ToArray();
                var done = remaining.Length == 0
                    ? _subscribers.TryRemove(new KeyValuePair<string, ImmutableSubscribers>(instanceId, current))
                    : _subscribers.TryUpdate(instanceId, new(remaining), current);
                if (done)
                {
                    break;
                }
            }
        };
        return channel.Reader;
    }

    private sealed record ImmutableSubscribers(ChannelWriter<InstanceChange>[] Writers);
}
