namespace Orchestrator.Core.History;

/// <summary>
/// The workflow began to wait for an external event that had not arrived yet. For people reading the history (what the
/// instance waits for, and until when); replay skips it. The wait ends with the event of that name, or with the timer
/// <paramref name="TimerId"/> when it fires first.
/// </summary>
/// <param name="EventId">Always -1.</param>
/// <param name="Timestamp">When the wait began (UTC).</param>
/// <param name="Name">The event name.</param>
/// <param name="Deadline">When the wait times out, or null for none.</param>
/// <param name="TimerId">The id of the timer that ends the wait at <paramref name="Deadline"/>, or null.</param>
public sealed record EventWaitStarted(int EventId, DateTime Timestamp, string Name, DateTime? Deadline, int? TimerId) : HistoryEvent(EventId, Timestamp);
