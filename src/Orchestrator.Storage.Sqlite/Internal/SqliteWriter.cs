using Microsoft.Data.Sqlite;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The single writer: applies batches of <see cref="StoreWrite"/>s in one transaction each (the group commit) and
/// hands out leases, serialized on one connection.
/// </summary>
internal sealed class SqliteWriter : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly WriterStatements _sql;
    private readonly WriteHandlers _handlers;
    private readonly AuditAppender _audit;
    private readonly WalCheckpointer? _checkpointer;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _disposed;

    /// <summary>Takes ownership of <paramref name="connection"/>, whose schema must be current, and of <paramref name="checkpointer"/> (null when the connection checkpoints itself).</summary>
    public SqliteWriter(SqliteConnection connection, WalCheckpointer? checkpointer, TimeProvider time)
    {
        _connection = connection;
        _checkpointer = checkpointer;
        _sql = new WriterStatements(connection);
        _audit = new AuditAppender(_sql);
        _handlers = new WriteHandlers(_sql, time, _audit);
    }

    public async Task<IReadOnlyList<StoreWriteResult>> WriteAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writes);
        if (writes.Count == 0)
        {
            return [];
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = Begin();
            try
            {
                var results = new StoreWriteResult[writes.Count];
                for (var i = 0; i < writes.Count; i++)
                {
                    results[i] = _handlers.Apply(writes[i]);
                }

                Commit(transaction);
                _audit.Committed();
                return results;
            }
            catch
            {
                _audit.RolledBack();
                throw;
            }
        }
        finally
        {
            _sql.Enlist(null);
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs <paramref name="apply"/> in its own transaction on the writer connection, serialized with the batches (for
    /// writes that are not instance work, such as flow definitions); an exception rolls it back.
    /// </summary>
    public async Task<T> WriteAsync<T>(Func<SqliteConnection, SqliteTransaction, T> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apply);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = Begin();
            var result = apply(_connection, transaction);
            Commit(transaction);
            return result;
        }
        finally
        {
            _sql.Enlist(null);
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<string>> ClaimAsync(string owner, DateTime now, TimeSpan lease, int max, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        ArgumentOutOfRangeException.ThrowIfLessThan(lease, TimeSpan.Zero);
        if (max <= 0)
        {
            return [];
        }

        var nowTicks = StoreTime.ToTicks(now);
        var untilTicks = nowTicks + Math.Min(lease.Ticks, DateTime.MaxValue.Ticks - nowTicks);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            using var transaction = Begin();
            var claimed = new List<string>();
            using (var reader = _sql.Claim.Set(0, owner).Set(1, nowTicks).Set(2, untilTicks).Set(3, max).Reader())
            {
                while (reader.Read())
                {
                    claimed.Add(reader.GetString(0));
                }
            }

            Commit(transaction);
            return claimed;
        }
        finally
        {
            _sql.Enlist(null);
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Waits for a batch in flight; later calls find the writer disposed.
        await _gate.WaitAsync();
        try
        {
            if (!_disposed)
            {
                _disposed = true;
                _sql.Dispose();
                if (_checkpointer is not null)
                {
                    await _checkpointer.DisposeAsync();
                }

                await _connection.DisposeAsync();
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Commits, and counts the commit towards the next background checkpoint.</summary>
    private void Commit(SqliteTransaction transaction)
    {
        transaction.Commit();
        _checkpointer?.Committed();
    }

    /// <summary>BEGIN IMMEDIATE: the write lock is taken up front, so a batch never fails half-way on a busy upgrade.</summary>
    private SqliteTransaction Begin()
    {
        var transaction = _connection.BeginTransaction(deferred: false);
        _sql.Enlist(transaction);
        return transaction;
    }
}
