using System.Globalization;
using Orchestrator.Core.History;

namespace Orchestrator.Server.Steps;

/// <summary>
/// A stream subscribes before it reads the history snapshot, so the first batches it is sent may already be in that
/// snapshot. This filter recognises those batches (every event of the batch matches a snapshot event not yet matched)
/// until the first batch that is new; from then on nothing is skipped.
/// </summary>
internal sealed class HistoryOverlapFilter
{
    private readonly Dictionary<string, int> _unmatched = new(StringComparer.Ordinal);
    private bool _open = true;

    public HistoryOverlapFilter(IEnumerable<HistoryEvent> snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        foreach (var e in snapshot)
        {
            _unmatched[Identity(e)] = _unmatched.GetValueOrDefault(Identity(e)) + 1;
        }
    }

    /// <summary>True when the batch was already in the snapshot and must not be applied again.</summary>
    public bool IsInSnapshot(IReadOnlyList<HistoryEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (!_open)
        {
            return false;
        }

        var needed = batch.GroupBy(Identity, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (needed.All(n => _unmatched.GetValueOrDefault(n.Key) >= n.Value))
        {
            foreach (var (key, count) in needed)
            {
                _unmatched[key] -= count;
            }

            return true;
        }

        Close();
        return false;
    }

    /// <summary>Stops matching, e.g. after the history was replaced.</summary>
    public void Close()
    {
        _open = false;
        _unmatched.Clear();
    }

    /// <summary>
    /// What identifies an event across the store and the live feed: its type, ids and time to the millisecond
    /// (a store may keep less precision than the engine's clock).
    /// </summary>
    private static string Identity(HistoryEvent e)
    {
        var detail = e switch
        {
            TaskCompleted c => c.TaskScheduledId.ToString(CultureInfo.InvariantCulture),
            TaskFailed f => f.TaskScheduledId.ToString(CultureInfo.InvariantCulture),
            TimerFired t => t.TimerId.ToString(CultureInfo.InvariantCulture),
            TimerCancelled t => t.TimerId.ToString(CultureInfo.InvariantCulture),
            TaskAttemptFailed a => string.Create(CultureInfo.InvariantCulture, $"{a.TaskScheduledId}#{a.Attempt}"),
            EventWaitStarted w => w.Name,
            SubOrchestrationInstanceCompleted s => s.TaskScheduledId.ToString(CultureInfo.InvariantCulture),
            SubOrchestrationInstanceFailed s => s.TaskScheduledId.ToString(CultureInfo.InvariantCulture),
            EventRaised r => r.Name,
            GenericEvent g => g.Data,
            _ => string.Empty,
        };
        var millis = e.Timestamp.Ticks / TimeSpan.TicksPerMillisecond;
        return string.Create(CultureInfo.InvariantCulture, $"{e.GetType().Name}|{e.EventId}|{millis}|{detail}");
    }
}
