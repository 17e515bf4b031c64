namespace Orchestrator.Core.Storage;

/// <summary>
/// Token and cost accounting. Entries are written by <see cref="InstanceCommit.Usage"/>, once per step, and attributed
/// when written: to the instance whose step used it, to the root of that instance's tree (the instance a person or
/// program started; an agent or sub-workflow's usage counts for the workflow that ran it), and to the totals of that
/// instance and each of its ancestors (<see cref="InstanceRecord.TotalUsage"/>).
/// </summary>
public interface IUsageStore
{
    /// <summary>Totals grouped as asked, largest cost first.</summary>
    /// <param name="query">Grouping and time range.</param>
    /// <param name="cancellationToken">Stops the query.</param>
    /// <returns>The groups.</returns>
    Task<IReadOnlyList<UsageGroup>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken);
}
