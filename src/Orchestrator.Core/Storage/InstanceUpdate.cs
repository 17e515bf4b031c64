namespace Orchestrator.Core.Storage;

/// <summary>The instance row's state after a turn.</summary>
/// <param name="Status">The new status.</param>
/// <param name="Output">The output JSON, when finished.</param>
/// <param name="Error">The failure, when failed.</param>
/// <param name="CustomStatus">The custom status JSON.</param>
/// <param name="UpdatedAt">The commit time.</param>
/// <param name="ExecutionId">The current generation's id.</param>
/// <param name="Input">The generation's input (changes on continue-as-new).</param>
public sealed record InstanceUpdate(
    InstanceStatus Status,
    string? Output,
    FailureDetails? Error,
    string? CustomStatus,
    DateTime UpdatedAt,
    string ExecutionId,
    string? Input);
