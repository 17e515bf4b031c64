namespace Orchestrator.Core.Storage;

/// <summary>Token and cost accounting. Entries are written by <see cref="InstanceCommit.Usage"/>, once per step.</summary>
public interface IUsageStore
{
    /// <summary>Totals grouped as asked, largest cost first.</summary>
    /// <param name="query">Grouping and time range.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The groups.</returns>
    Task<IReadOnlyList<UsageGroup>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken);
}
