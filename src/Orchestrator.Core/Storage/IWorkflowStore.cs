using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>
/// Where instances, their histories and their pending work live. The engine writes through
/// <see cref="WriteAsync"/> only, in batches: every item of a batch is committed in one transaction
/// (group commit), and nothing is dispatched before its item is committed.
/// </summary>
/// <remarks>
/// <para>Work that is not yet in history is kept in three queues: the inbox (events for an instance),
/// open activity calls, and durable timers. A commit moves items from these queues into history atomically.</para>
/// <para>Several engine processes may share one store (PostgreSQL): <see cref="ClaimInstancesAsync"/> hands out
/// instances with pending work under a lease, and <see cref="WaitForWorkAsync"/> wakes a worker when another
/// process adds work. A single-process store may grant every claim.</para>
/// </remarks>
public interface IWorkflowStore : IHumanTaskStore, IUsageStore, IAuditStore, IAsyncDisposable
{
    /// <summary>Creates or migrates the schema; safe to call on every start.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task InitializeAsync(CancellationToken cancellationToken);

    /// <summary>Commits a batch of writes in one transaction and returns one result per write, in order.</summary>
    /// <param name="writes">The writes.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The results, in the order of <paramref name="writes"/>.</returns>
    /// <exception cref="Exception">Any failure rolls the whole batch back.</exception>
    Task<IReadOnlyList<StoreWriteResult>> WriteAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken);

    /// <summary>One instance's row, or null.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The instance or null.</returns>
    Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>A page of instances, newest first.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The page.</returns>
    Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken);

    /// <summary>The history of the instance's current generation, in order; empty when unknown.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The events.</returns>
    Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>Everything needed to bring an instance into memory: row, history, inbox and open activities.</summary>
    /// <param name="instanceId">The instance id.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The snapshot, or null when the instance does not exist.</returns>
    Task<InstanceSnapshot?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> instances that have pending work (visible inbox messages, open activities,
    /// or timers due by <paramref name="now"/>) and no live lease held by another owner; leases them to <paramref name="owner"/>.
    /// </summary>
    /// <param name="owner">The claiming worker's id.</param>
    /// <param name="now">The current time.</param>
    /// <param name="lease">How long the claim lasts unless renewed.</param>
    /// <param name="max">The most instances to claim.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The claimed instance ids.</returns>
    Task<IReadOnlyList<string>> ClaimInstancesAsync(string owner, DateTime now, TimeSpan lease, int max, CancellationToken cancellationToken);

    /// <summary>Every durable timer not yet fired, soonest first, up to <paramref name="max"/>.</summary>
    /// <param name="max">The most timers to return.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The timers.</returns>
    Task<IReadOnlyList<TimerWorkItem>> GetPendingTimersAsync(int max, CancellationToken cancellationToken);

    /// <summary>Completes when another process may have added work, or after <paramref name="timeout"/>.</summary>
    /// <param name="timeout">The longest wait.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>A task.</returns>
    Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken);
}
