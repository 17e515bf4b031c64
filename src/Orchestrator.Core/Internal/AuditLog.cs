using Orchestrator.Core.Governance;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Internal;

/// <summary>The audit trail over the engine's store: appends go through the single writer, verification reads the chain.</summary>
internal sealed class AuditLog(WorkflowEngine engine) : IAuditLog
{
    public async Task AppendAsync(IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count > 0)
        {
            await engine.Pipeline.WriteAsync(new AppendAuditWrite(entries)).WaitAsync(cancellationToken);
        }
    }

    public Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken = default) =>
        engine.Store.QueryAuditAsync(query, cancellationToken);

    public Task<AuditVerification> VerifyAsync(CancellationToken cancellationToken = default) =>
        Verify(engine.Store.ReadAuditChainAsync(cancellationToken));

    /// <summary>
    /// Checks records given oldest first: sequences 1, 2, 3 … without gaps (a gap is a removed record), each record
    /// linked to the hash of the one before, and each hash equal to the hash of its canonical form. After the first
    /// broken record the rest are only counted.
    /// </summary>
    internal static async Task<AuditVerification> Verify(IAsyncEnumerable<AuditRecord> chain)
    {
        long count = 0;
        var expected = 1L;
        var previous = AuditHash.Genesis;
        (long At, string Reason)? broken = null;
        await foreach (var record in chain)
        {
            count++;
            if (broken is not null)
            {
                continue;
            }

            broken = Check(record, expected, previous);
            previous = record.Hash;
            expected++;
        }

        return broken is { } b
            ? new AuditVerification(false, count, b.At, b.Reason, null)
            : new AuditVerification(true, count, null, null, count == 0 ? null : previous);
    }

    private static (long At, string Reason)? Check(AuditRecord record, long expected, string previous)
    {
        if (record.Sequence != expected)
        {
            return record.Sequence > expected
                ? (expected, $"Record {expected} is missing: the record after {expected - 1} is {record.Sequence}.")
                : (record.Sequence, $"Record {record.Sequence} appears where record {expected} belongs.");
        }

        if (!string.Equals(record.PreviousHash, previous, StringComparison.Ordinal))
        {
            return (record.Sequence, $"Record {record.Sequence} does not link to the record before it: its previous hash is not that record's hash.");
        }

        return AuditHash.Matches(record)
            ? null
            : (record.Sequence, $"Record {record.Sequence} was changed: its content does not match its hash.");
    }
}
