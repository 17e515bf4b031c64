using Orchestrator.Core.Governance;

namespace Orchestrator.Core.Storage;

/// <summary>
/// Reads of the audit trail. Records are appended only by the engine's batched writes (<c>AppendAuditWrite</c>,
/// <c>InstanceCommit.Audit</c>, the human-task writes), each in the transaction of the change it describes; the store
/// assigns the sequence and computes each hash from the previous one with <see cref="AuditHash"/>.
/// </summary>
public interface IAuditStore
{
    /// <summary>A page of records matching the query, newest first.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The page.</returns>
    /// <exception cref="ArgumentException">The cursor is not one this store produced.</exception>
    Task<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken);

    /// <summary>Every record in sequence order, as stored (nothing recomputed), for verification and export.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The records, oldest first.</returns>
    IAsyncEnumerable<AuditRecord> ReadAuditChainAsync(CancellationToken cancellationToken);
}
