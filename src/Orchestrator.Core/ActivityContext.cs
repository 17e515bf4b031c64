namespace Orchestrator.Core;

/// <summary>What an activity knows about the call it is serving.</summary>
/// <param name="InstanceId">The workflow instance that called it.</param>
/// <param name="TaskId">The call's task id within the instance.</param>
/// <param name="Name">The activity name.</param>
/// <param name="Attempt">1 for the first attempt, 2 for the first retry, and so on.</param>
/// <param name="StartedBy">The person the instance acts for, when known.</param>
/// <param name="CancellationToken">Signalled at the per-attempt timeout or shutdown.</param>
public sealed record ActivityContext(
    string InstanceId,
    int TaskId,
    string Name,
    int Attempt,
    string? StartedBy,
    CancellationToken CancellationToken)
{
    /// <summary>
    /// <c>{instanceId}:{taskId}</c>: the same for every attempt and every re-delivery of this call, so a downstream
    /// system can recognise and drop a duplicate.
    /// </summary>
    public string IdempotencyKey => $"{InstanceId}:{TaskId}";

    /// <summary>The agent this call acts as, when an agent made it; together with <see cref="StartedBy"/> the principal pair.</summary>
    public string? Agent { get; init; }

    /// <summary>The workflow whose step this is.</summary>
    public string? Workflow { get; init; }

    /// <summary>The usage reported by <see cref="ReportUsage"/>, if any.</summary>
    public UsageReport? Usage { get; private set; }

    /// <summary>Reports tokens and cost (a model call); they are recorded once, with the step's result.</summary>
    /// <param name="usage">The usage.</param>
    public void ReportUsage(UsageReport usage) => Usage = usage;
}
