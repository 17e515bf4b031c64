namespace Orchestrator.Core.History;

/// <summary>An activity returned a result.</summary>

/// <remarks><see cref="Usage"/> carries the tokens and cost the activity reported (model calls), counted once, with this event.</remarks>
public sealed record TaskCompleted(int EventId, DateTime Timestamp, int TaskScheduledId, string? Result, int Attempt, UsageReport? Usage = null) : HistoryEvent(EventId, Timestamp);
