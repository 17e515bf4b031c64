namespace Orchestrator.Core.Storage;

/// <summary>Records that an open activity call will make attempt <paramref name="Attempt"/> at <paramref name="DueAt"/>.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="TaskId">The activity's task id.</param>
/// <param name="Attempt">The next attempt number (1-based).</param>
/// <param name="DueAt">When that attempt may start.</param>
/// <param name="LastError">The failure that caused the retry.</param>
public sealed record ActivityAttemptWrite(string InstanceId, int TaskId, int Attempt, DateTime DueAt, string? LastError) : StoreWrite;
