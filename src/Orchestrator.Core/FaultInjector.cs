namespace Orchestrator.Core;

/// <summary>
/// Crash injection for tests. Production code passes through <see cref="Hit"/> at each <see cref="FaultPoint"/>;
/// unless a test armed that point, it does nothing.
/// </summary>
/// <remarks>
/// In a server process the points are armed from configuration (<c>Orchestrator:Faults:Point</c> and
/// <c>Orchestrator:Faults:AfterHits</c>), and the armed action kills the process, as a power cut would.
/// </remarks>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private readonly Dictionary<FaultPoint, Arming> _armed = [];
    private volatile bool _anyArmed;

    /// <summary>Arms a point: its <paramref name="afterHits"/>-th pass runs <paramref name="action"/> (once).</summary>
    /// <param name="point">The point.</param>
    /// <param name="afterHits">1 fires at the first pass.</param>
    /// <param name="action">What to do, usually throw or kill the process.</param>
    public void Arm(FaultPoint point, int afterHits, Action<FaultPoint> action)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(afterHits, 1);
        lock (_gate)
        {
            _armed[point] = new Arming(afterHits, action);
            _anyArmed = true;
        }
    }

    /// <summary>Disarms every point.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _armed.Clear();
            _anyArmed = false;
        }
    }

    /// <summary>Passes a point; runs its action when it is armed and due.</summary>
    /// <param name="point">The point being passed.</param>
    public void Hit(FaultPoint point)
    {
        if (!_anyArmed)
        {
            return;
        }

        Action<FaultPoint>? fire = null;
        lock (_gate)
        {
            if (_armed.TryGetValue(point, out var arming) && --arming.Remaining == 0)
            {
                _armed.Remove(point);
                _anyArmed = _armed.Count > 0;
                fire = arming.Action;
            }
        }

        fire?.Invoke(point);
    }

    private sealed class Arming(int remaining, Action<FaultPoint> action)
    {
        public int Remaining { get; set; } = remaining;

        public Action<FaultPoint> Action { get; } = action;
    }
}
