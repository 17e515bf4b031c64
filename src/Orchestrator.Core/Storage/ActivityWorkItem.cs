namespace Orchestrator.Core.Storage;

/// <summary>An open activity call.</summary>
/// <param name="InstanceId">The calling instance.</param>
/// <param name="ExecutionId">The caller's generation.</param>
/// <param name="TaskId">The task id.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Input">The input JSON.</param>
/// <param name="Attempt">The next attempt (1-based).</param>
/// <param name="DueAt">When that attempt may start.</param>
public sealed record ActivityWorkItem(string InstanceId, string ExecutionId, int TaskId, string Name, string? Input, int Attempt, DateTime DueAt);
