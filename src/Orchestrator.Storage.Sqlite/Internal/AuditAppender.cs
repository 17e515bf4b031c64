using Orchestrator.Core.Governance;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// Appends audit records inside the writer's transaction, each hashed from the one before (<see cref="AuditHash"/>).
/// The chain's head (last seq and hash) is kept in memory between batches, so an append is one hash and one insert;
/// it is read from the table again after a batch that rolled back, whose records were never stored.
/// </summary>
/// <remarks>Used only by the single writer, under its gate, so there is never a second head.</remarks>
internal sealed class AuditAppender(WriterStatements sql)
{
    private bool _known;
    private long _seq;
    private string _hash = AuditHash.Genesis;
    private bool _pending;

    public void Append(IReadOnlyList<AuditEntry> entries)
    {
        foreach (var entry in entries)
        {
            Append(entry);
        }
    }

    public void Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!_known)
        {
            ReadHead();
        }

        var seq = _seq + 1;
        var hash = AuditHash.Compute(seq, entry, _hash);
        sql.InsertAudit
            .Set(0, seq).Set(1, entry.Time).Set(2, entry.InstanceId).Set(3, entry.Actor).Set(4, entry.OnBehalfOf).Set(5, entry.Action)
            .Set(6, entry.Target).Set(7, entry.Outcome).Set(8, entry.Details).Set(9, _hash).Set(10, hash)
            .Execute();
        (_seq, _hash, _pending) = (seq, hash, true);
    }

    /// <summary>The batch committed: the head in memory is the stored one.</summary>
    public void Committed() => _pending = false;

    /// <summary>The batch rolled back: forget the head if this batch moved it.</summary>
    public void RolledBack()
    {
        if (_pending)
        {
            (_known, _pending) = (false, false);
        }
    }

    private void ReadHead()
    {
        using (var reader = sql.SelectAuditHead.Reader())
        {
            (_seq, _hash) = reader.Read() ? (reader.GetInt64(0), reader.GetString(1)) : (0, AuditHash.Genesis);
        }

        _known = true;
    }
}
