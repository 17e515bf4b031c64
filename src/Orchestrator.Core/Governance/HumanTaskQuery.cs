namespace Orchestrator.Core.Governance;

/// <summary>Which human tasks to list (newest and overdue first).</summary>
public sealed record HumanTaskQuery
{
    /// <summary>Only tasks in this status.</summary>
    public HumanTaskStatus? Status { get; init; }

    /// <summary>Only tasks assigned to any of these (<c>user:x</c>, <c>role:y</c>); null for all.</summary>
    public IReadOnlyList<string>? AnyAssignee { get; init; }

    /// <summary>Only tasks of this instance.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The most tasks to return, 1 to 500.</summary>
    public int Limit { get; init; } = 100;
}
