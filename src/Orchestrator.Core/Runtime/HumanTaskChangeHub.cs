using System.Collections.Immutable;
using System.Threading.Channels;
using Orchestrator.Core.Governance;

namespace Orchestrator.Core.Runtime;

/// <summary>Fans committed human-task changes out to every subscriber; costs nothing when nobody watches.</summary>
internal sealed class HumanTaskChangeHub : IHumanTaskChanges
{
    private ImmutableArray<ChannelWriter<HumanTaskChange>> _writers = [];

    /// <summary>Tells every subscriber; a null <paramref name="kind"/> (the write changed nothing) tells nobody.</summary>
    public void Publish(HumanTaskChangeKind? kind, HumanTask task)
    {
        if (kind is null)
        {
            return;
        }

        var change = new HumanTaskChange(kind.Value, task);
        foreach (var writer in _writers)
        {
            writer.TryWrite(change);
        }
    }

    public HumanTaskSubscription Subscribe()
    {
        var channel = Channel.CreateUnbounded<HumanTaskChange>(new UnboundedChannelOptions { SingleReader = true });
        ImmutableInterlocked.Update(ref _writers, writers => writers.Add(channel.Writer));
        return new HumanTaskSubscription(channel.Reader, () =>
        {
            ImmutableInterlocked.Update(ref _writers, writers => writers.Remove(channel.Writer));
            channel.Writer.TryComplete();
        });
    }
}
