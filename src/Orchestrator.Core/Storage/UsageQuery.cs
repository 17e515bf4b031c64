namespace Orchestrator.Core.Storage;

/// <summary>Which usage to total and how to group it.</summary>
/// <param name="GroupBy">
/// One of <c>workflow</c> (the root instance's workflow, so an agent's usage counts for the workflow that ran it),
/// <c>agent</c>, <c>user</c>, <c>model</c>, <c>instance</c> (the instance whose step used it), <c>day</c>.
/// </param>
/// <param name="From">Only entries at or after this time.</param>
/// <param name="To">Only entries before this time.</param>
/// <param name="Interval">
/// <c>hour</c> or <c>day</c> to total each group per time bucket (UTC), ordered by bucket then key; null for one total
/// per group, largest cost first.
/// </param>
public sealed record UsageQuery(string GroupBy, DateTime? From = null, DateTime? To = null, string? Interval = null)
{
    /// <summary>The time buckets a query may ask for.</summary>
    public static IReadOnlyList<string> Intervals { get; } = ["hour", "day"];

    /// <summary>The groupings a query may ask for.</summary>
    public static IReadOnlyList<string> Groupings { get; } = ["workflow", "agent", "user", "model", "instance", "day"];
}
