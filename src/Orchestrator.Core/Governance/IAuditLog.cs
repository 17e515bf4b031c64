namespace Orchestrator.Core.Governance;

/// <summary>The append-only, hash-chained audit trail: append records, read them, and check the chain.</summary>
public interface IAuditLog
{
    /// <summary>Appends records (in order) through the engine's single writer; returns once they are committed.</summary>
    /// <param name="entries">The entries.</param>
    /// <param name="cancellationToken">Cancellation (of the wait; a queued append still commits).</param>
    /// <returns>A task.</returns>
    Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default);

    /// <summary>A page of records, newest first.</summary>
    /// <param name="query">Filters and paging.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The page.</returns>
    Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default);

    /// <summary>Walks every record in order, recomputing each hash and checking each link to the record before.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>Whether the chain is intact, and if not, the first broken record.</returns>
    Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default);
}
