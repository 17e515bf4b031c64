namespace Orchestrator.Core.Governance;

/// <summary>Checks a hash chain of audit records, as any store streams it (<see cref="Storage.IAuditStore.ReadAuditChainAsync"/>).</summary>
public static class AuditChain
{
    /// <summary>
    /// Checks records given oldest first: sequences 1, 2, 3 … without gaps (a gap is a removed record), each record
    /// linked to the hash of the one before, and each hash equal to the hash of its canonical form. After the first
    /// broken record the rest are only counted.
    /// </summary>
    /// <param name="chain">The records, oldest first, as stored.</param>
    /// <returns>Whether the chain is intact, and if not, the first broken record.</returns>
    public static async Task<AuditVerification> VerifyAsync(IAsyncEnumerable<AuditRecord> chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
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
