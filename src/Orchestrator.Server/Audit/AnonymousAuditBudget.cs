using Orchestrator.Server.Configuration;

namespace Orchestrator.Server.Audit;

/// <summary>
/// Bounds what anonymous traffic writes to the audit trail: per client address and minute, the first
/// <see cref="ClientLimits.AnonymousAuditRecordsPerMinute"/> calls are recorded one by one; the rest of that minute are
/// only counted, and become one summary record with their count when the minute is over. Past
/// <see cref="MaxAddresses"/> addresses at once, further ones share one window (<see cref="OverflowAddress"/>).
/// </summary>
internal sealed class AnonymousAuditBudget(ClientLimits limits)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>The address of the shared window once <see cref="MaxAddresses"/> addresses are tracked.</summary>
    public const string OverflowAddress = "*";

    internal const int MaxAddresses = 10_000;

    private readonly Dictionary<string, AddressWindow> _windows = new(StringComparer.Ordinal);
    private readonly List<AnonymousCallSummary> _due = [];
    private readonly Lock _gate = new();

    /// <summary>True when this anonymous call may be recorded in full; false when it was counted into its address's summary.</summary>
    public bool TryAdmit(string address, string outcome, DateTime now)
    {
        lock (_gate)
        {
            if (!_windows.ContainsKey(address) && _windows.Count >= MaxAddresses)
            {
                address = OverflowAddress;
            }

            if (_windows.TryGetValue(address, out var window) && window.Start + Window <= now)
            {
                Close(address, window);
                window = null;
            }

            if (window is null)
            {
                window = new AddressWindow(now);
                _windows[address] = window;
            }

            if (window.Recorded < limits.AnonymousAuditRecordsPerMinute)
            {
                window.Recorded++;
                return true;
            }

            window.Suppressed++;
            window.Last = now;
            window.Outcomes[outcome] = window.Outcomes.GetValueOrDefault(outcome) + 1;
            return false;
        }
    }

    /// <summary>The summaries of every window that is over (or of all of them, at shutdown), each taken once.</summary>
    public IReadOnlyList<AnonymousCallSummary> TakeDue(DateTime now, bool all = false)
    {
        lock (_gate)
        {
            foreach (var (address, window) in _windows.Where(w => all || w.Value.Start + Window <= now).ToList())
            {
                Close(address, window);
            }

            var due = _due.ToList();
            _due.Clear();
            return due;
        }
    }

    private void Close(string address, AddressWindow window)
    {
        _windows.Remove(address);
        if (window.Suppressed > 0)
        {
            _due.Add(new AnonymousCallSummary(address, window.Start, window.Last, window.Suppressed, window.Outcomes));
        }
    }

    private sealed class AddressWindow(DateTime start)
    {
        public DateTime Start { get; } = start;

        public DateTime Last { get; set; } = start;

        public int Recorded { get; set; }

        public int Suppressed { get; set; }

        public Dictionary<string, int> Outcomes { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>The anonymous calls of one address in one window that were counted instead of recorded one by one.</summary>
/// <param name="Address">The client address, or <see cref="AnonymousAuditBudget.OverflowAddress"/>.</param>
/// <param name="From">When the window started.</param>
/// <param name="To">The last counted call.</param>
/// <param name="Count">How many calls were counted.</param>
/// <param name="Outcomes">How many ended with each outcome.</param>
internal sealed record AnonymousCallSummary(string Address, DateTime From, DateTime To, int Count, IReadOnlyDictionary<string, int> Outcomes);
