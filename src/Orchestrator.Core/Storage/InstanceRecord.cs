namespace Orchestrator.Core.Storage;

/// <summary>An instance's stored state.</summary>
/// <param name="InstanceId">The id.</param>
/// <param name="Name">The workflow name.</param>
/// <param name="Version">The workflow version.</param>
/// <param name="Status">The status.</param>
/// <param name="Input">The input JSON.</param>
/// <param name="Output">The output JSON.</param>
/// <param name="Error">The failure.</param>
/// <param name="CustomStatus">The custom status JSON.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="StartedBy">The person it acts for.</param>
/// <param name="ParentInstanceId">The parent, for sub-workflows.</param>
/// <param name="Tags">Tags.</param>
/// <param name="ExecutionId">The current generation's id.</param>
/// <param name="Usage">Tokens and cost used by this instance's own steps.</param>
/// <param name="TotalUsage">Tokens and cost used by its own steps and those of all its descendants (sub-workflows, agents).</param>
public sealed record InstanceRecord(
    string InstanceId,
    string Name,
    string? Version,
    InstanceStatus Status,
    string? Input,
    string? Output,
    FailureDetails? Error,
    string? CustomStatus,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    string? StartedBy,
    string? ParentInstanceId,
    IReadOnlyDictionary<string, string> Tags,
    string ExecutionId,
    UsageTotals? Usage = null,
    UsageTotals? TotalUsage = null);
