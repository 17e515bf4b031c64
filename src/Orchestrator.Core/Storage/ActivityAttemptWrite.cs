using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>
/// Records that an open activity call will make attempt <paramref name="Attempt"/> at <paramref name="DueAt"/>, and
/// appends <see cref="Failed"/> (why the previous attempt failed) to the instance's history in the same transaction.
/// Nothing is written when the call is no longer open (the instance finished or moved on to a new generation).
/// </summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="TaskId">The activity's task id.</param>
/// <param name="Attempt">The next attempt number (1-based).</param>
/// <param name="DueAt">When that attempt may start.</param>
/// <param name="LastError">The failure that caused the retry.</param>
public sealed record ActivityAttemptWrite(string InstanceId, int TaskId, int Attempt, DateTime DueAt, string? LastError) : StoreWrite
{
    /// <summary>The generation the call belongs to; null matches any.</summary>
    public string? ExecutionId { get; init; }

    /// <summary>The failed attempt, for the history; null records the schedule only.</summary>
    public TaskAttemptFailed? Failed { get; init; }
}
