namespace Orchestrator.Core.Storage;

/// <summary>Filters and paging for listing instances (newest first).</summary>
public sealed record InstanceQuery
{
    /// <summary>Only this status.</summary>
    public InstanceStatus? Status { get; init; }

    /// <summary>Only this workflow name.</summary>
    public string? Workflow { get; init; }

    /// <summary>Only instances with this tag key...</summary>
    public string? TagKey { get; init; }

    /// <summary>...and value.</summary>
    public string? TagValue { get; init; }

    /// <summary>Only children of this instance.</summary>
    public string? ParentInstanceId { get; init; }

    /// <summary>The opaque cursor from the previous page.</summary>
    public string? Cursor { get; init; }

    /// <summary>Page size, 1 to 500.</summary>
    public int Limit { get; init; } = 50;
}
