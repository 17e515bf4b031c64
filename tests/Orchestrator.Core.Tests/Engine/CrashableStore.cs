using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Tests.Engine;

/// <summary>
/// The real store, plus a switch that makes it unreachable at once: after <see cref="Crash"/>, nothing more reaches
/// the database, as if the process had died at that instant; and one that makes the next writes fail as a busy disk
/// would (<see cref="FailNextWrites"/>).
/// </summary>
internal sealed class CrashableStore(IWorkflowStore inner) : IWorkflowStore
{
    private volatile bool _crashed;
    private int _failingWrites;

    public bool Crashed => _crashed;

    public void Crash() => _crashed = true;

    /// <summary>The next <paramref name="count"/> batches fail with an <see cref="IOException"/> and write nothing.</summary>
    public void FailNextWrites(int count) => Volatile.Write(ref _failingWrites, count);

    public Task InitializeAsync(CancellationToken cancellationToken) => Guard(() => inner.InitializeAsync(cancellationToken));

    public Task<IReadOnlyList<StoreWriteResult>> WriteAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken) =>
        Guard(() => Interlocked.Decrement(ref _failingWrites) >= 0
            ? Task.FromException<IReadOnlyList<StoreWriteResult>>(new IOException("disk I/O error (simulated)"))
            : inner.WriteAsync(writes, cancellationToken));

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Guard(() => inner.GetInstanceAsync(instanceId, cancellationToken));

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) =>
        Guard(() => inner.QueryInstancesAsync(query, cancellationToken));

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) =>
        Guard(() => inner.GetHistoryAsync(instanceId, cancellationToken));

    public Task<InstanceSnapshot?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Guard(() => inner.LoadInstanceAsync(instanceId, cancellationToken));

    public Task<IReadOnlyList<string>> ClaimInstancesAsync(string owner, DateTime now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        Guard(() => inner.ClaimInstancesAsync(owner, now, lease, max, cancellationToken));

    public Task<IReadOnlyList<TimerWorkItem>> GetPendingTimersAsync(int max, CancellationToken cancellationToken) =>
        Guard(() => inner.GetPendingTimersAsync(max, cancellationToken));

    public Task<HumanTask?> GetHumanTaskAsync(string taskId, CancellationToken cancellationToken) =>
        Guard(() => inner.GetHumanTaskAsync(taskId, cancellationToken));

    public Task<IReadOnlyList<HumanTask>> QueryHumanTasksAsync(HumanTaskQuery query, CancellationToken cancellationToken) =>
        Guard(() => inner.QueryHumanTasksAsync(query, cancellationToken));

    public Task<IReadOnlyList<UsageGroup>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken) =>
        Guard(() => inner.QueryUsageAsync(query, cancellationToken));

    public Task<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        Guard(() => inner.QueryAuditAsync(query, cancellationToken));

    public IAsyncEnumerable<AuditRecord> ReadAuditChainAsync(CancellationToken cancellationToken) =>
        inner.ReadAuditChainAsync(cancellationToken);

    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) => inner.WaitForWorkAsync(timeout, cancellationToken);

    public ValueTask DisposeAsync() => inner.DisposeAsync();

    private T Guard<T>(Func<T> call) => _crashed ? throw new SimulatedCrashException() : call();
}
