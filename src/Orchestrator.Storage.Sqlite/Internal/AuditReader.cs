using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using Orchestrator.Core.Governance;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Reads of the audit trail, on pooled read connections: filtered pages newest first, and the whole chain in order.</summary>
internal sealed class AuditReader
{
    private const string Columns = "seq, time, instance_id, actor, on_behalf_of, action, target, outcome, details, prev_hash, hash";

    private readonly ReadConnectionPool _pool;

    public AuditReader(ReadConnectionPool pool) => _pool = pool;

    /// <summary>
    /// A page newest first. The cursor is the sequence of the last record of the previous page (records only ever
    /// get appended, so a page never shifts). Text matches with LIKE, so it is case-insensitive for ASCII.
    /// </summary>
    public async Task<AuditPage> QueryAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit is < 1 or > AuditQuery.MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"The limit must be from 1 to {AuditQuery.MaxLimit}.");
        }

        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {Columns} FROM audit WHERE 1 = 1");
            if (query.Cursor is { } cursor)
            {
                sql.Append(" AND seq < $cursor");
                command.Parameters.AddWithValue("$cursor", DecodeCursor(cursor));
            }

            if (query.InstanceId is { } instanceId)
            {
                sql.Append(" AND instance_id = $instance");
                command.Parameters.AddWithValue("$instance", instanceId);
            }

            if (query.Actor is { } actor)
            {
                sql.Append(" AND (actor = $actor OR on_behalf_of = $actor)");
                command.Parameters.AddWithValue("$actor", actor);
            }

            if (query.Action is { } action)
            {
                if (action.EndsWith('*'))
                {
                    sql.Append(" AND action LIKE $action ESCAPE '\\'");
                    command.Parameters.AddWithValue("$action", EscapeLike(action[..^1]) + "%");
                }
                else
                {
                    sql.Append(" AND action = $action");
                    command.Parameters.AddWithValue("$action", action);
                }
            }

            if (!string.IsNullOrEmpty(query.Text))
            {
                sql.Append(
                    " AND (actor LIKE $text ESCAPE '\\' OR on_behalf_of LIKE $text ESCAPE '\\' OR action LIKE $text ESCAPE '\\'"
                    + " OR target LIKE $text ESCAPE '\\' OR outcome LIKE $text ESCAPE '\\' OR details LIKE $text ESCAPE '\\')");
                command.Parameters.AddWithValue("$text", "%" + EscapeLike(query.Text) + "%");
            }

            if (query.From is { } from)
            {
                sql.Append(" AND time >= $from");
                command.Parameters.AddWithValue("$from", StoreTime.ToTicks(from));
            }

            if (query.To is { } to)
            {
                sql.Append(" AND time < $to");
                command.Parameters.AddWithValue("$to", StoreTime.ToTicks(to));
            }

            sql.Append(" ORDER BY seq DESC LIMIT $limit");
            command.Parameters.AddWithValue("$limit", query.Limit + 1);
            command.CommandText = sql.ToString();

            var items = new List<AuditRecord>(query.Limit + 1);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                items.Add(Read(reader));
            }

            if (items.Count <= query.Limit)
            {
                return new AuditPage(items, null);
            }

            items.RemoveAt(items.Count - 1);
            return new AuditPage(items, items[^1].Sequence.ToString(CultureInfo.InvariantCulture));
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    /// <summary>Every record oldest first, streamed from one statement (one consistent snapshot of the WAL).</summary>
    public async IAsyncEnumerable<AuditRecord> ReadChainAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {Columns} FROM audit ORDER BY seq";
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                yield return Read(reader);
            }
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    private static AuditRecord Read(SqliteDataReader reader)
    {
        var entry = new AuditEntry(
            StoreTime.FromTicks(reader.GetInt64(1)),
            reader.GetString(3),
            reader.IsDBNull(4) ? null : reader.GetString(4),
            reader.GetString(5),
            reader.IsDBNull(6) ? null : reader.GetString(6),
            reader.GetString(7),
            reader.IsDBNull(2) ? null : reader.GetString(2),
            reader.IsDBNull(8) ? null : reader.GetString(8));
        return new AuditRecord(reader.GetInt64(0), entry, reader.GetString(9), reader.GetString(10));
    }

    private static long DecodeCursor(string cursor) =>
        long.TryParse(cursor, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) && seq > 0
            ? seq
            : throw new ArgumentException(
                "The paging cursor is malformed; pass the nextCursor of a previous page unchanged, or none for the first page.", nameof(cursor));

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
