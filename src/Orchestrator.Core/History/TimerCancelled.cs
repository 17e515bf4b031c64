namespace Orchestrator.Core.History;

/// <summary>
/// The workflow stopped waiting for a timer before it fired (its cancellation token fired, e.g. the event a timeout
/// guarded arrived first). For people reading the history: the timer will not count any more. Replay skips it.
/// </summary>
/// <param name="EventId">Always -1.</param>
/// <param name="Timestamp">When the wait was given up (UTC).</param>
/// <param name="TimerId">The timer's id.</param>
public sealed record TimerCancelled(int EventId, DateTime Timestamp, int TimerId) : HistoryEvent(EventId, Timestamp);
