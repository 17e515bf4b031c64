using System.Text;
using Microsoft.Data.Sqlite;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The read side, on pooled read connections. WAL lets reads run beside the writer; a read that touches several tables
/// runs in one read transaction so it sees a single commit's state.
/// </summary>
internal sealed class SqliteReader
{
    public const int MaxPageSize = 500;

    private readonly ReadConnectionPool _pool;

    public SqliteReader(ReadConnectionPool pool) => _pool = pool;

    public async Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var connection = _pool.Rent();
        try
        {
            return await ReadInstanceAsync(connection, null, instanceId, cancellationToken);
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    public async Task<InstancePage> QueryAsync(InstanceQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.TagValue is not null && query.TagKey is null)
        {
            throw new ArgumentException("A tag value filter needs a tag key.", nameof(query));
        }

        var cursor = query.Cursor is null ? (InstanceCursor?)null : InstanceCursor.Decode(query.Cursor, nameof(query));
        var limit = Math.Clamp(query.Limit, 1, MaxPageSize);
        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {InstanceRows.Columns} FROM instances AS i WHERE 1 = 1");
            if (query.Status is { } status)
            {
                sql.Append(" AND i.status = $status");
                command.Parameters.AddWithValue("$status", InstanceRows.StatusText(status));
            }

            if (query.Workflow is not null)
            {
                sql.Append(" AND i.name = $name");
                command.Parameters.AddWithValue("$name", query.Workflow);
            }

            if (query.ParentInstanceId is not null)
            {
                sql.Append(" AND i.parent_instance_id = $parent");
                command.Parameters.AddWithValue("$parent", query.ParentInstanceId);
            }

            if (query.TagKey is not null)
            {
                sql.Append(" AND EXISTS (SELECT 1 FROM instance_tags AS t WHERE t.instance_id = i.instance_id AND t.key = $tagKey");
                command.Parameters.AddWithValue("$tagKey", query.TagKey);
                if (query.TagValue is not null)
                {
                    sql.Append(" AND t.value = $tagValue");
                    command.Parameters.AddWithValue("$tagValue", query.TagValue);
                }

                sql.Append(')');
            }

            if (cursor is { } after)
            {
                sql.Append(" AND (i.created_at, i.instance_id) < ($afterTicks, $afterId)");
                command.Parameters.AddWithValue("$afterTicks", after.CreatedAtTicks);
                command.Parameters.AddWithValue("$afterId", after.InstanceId);
            }

            // One row more than the page tells whether another page follows.
            sql.Append(" ORDER BY i.created_at DESC, i.instance_id DESC LIMIT $take");
            command.Parameters.AddWithValue("$take", limit + 1);
            command.CommandText = sql.ToString();

            var items = new List<InstanceRecord>(Math.Min(limit + 1, 64));
            using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    items.Add(InstanceRows.Read(reader));
                }
            }

            if (items.Count <= limit)
            {
                return new InstancePage(items, null);
            }

            items.RemoveAt(limit);
            var last = items[^1];
            return new InstancePage(items, new InstanceCursor(StoreTime.ToTicks(last.CreatedAt), last.InstanceId).Encode());
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    public async Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var connection = _pool.Rent();
        try
        {
            return await ReadHistoryAsync(connection, null, instanceId, cancellationToken);
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    public async Task<InstanceSnapshot?> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(instanceId);
        var connection = _pool.Rent();
        try
        {
            using var transaction = connection.BeginTransaction(deferred: true);
            var instance = await ReadInstanceAsync(connection, transaction, instanceId, cancellationToken);
            if (instance is null)
            {
                return null;
            }

            var history = await ReadHistoryAsync(connection, transaction, instanceId, cancellationToken);
            var inbox = new List<InboxMessage>();
            using (var command = Command(connection, transaction, "SELECT id, event FROM inbox WHERE instance_id = $id ORDER BY id", instanceId))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    inbox.Add(new InboxMessage(reader.GetInt64(0), instanceId, StoreJson.DeserializeEvent(reader.GetString(1))));
                }
            }

            var activities = new List<ActivityWorkItem>();
            const string ActivitiesSql =
                "SELECT execution_id, task_id, name, input, attempt, due_at FROM activities WHERE instance_id = $id ORDER BY task_id";
            using (var command = Command(connection, transaction, ActivitiesSql, instanceId))
            using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    activities.Add(new ActivityWorkItem(
                        instanceId, reader.GetString(0), reader.GetInt32(1), reader.GetString(2), InstanceRows.StringOrNull(reader, 3),
                        reader.GetInt32(4), StoreTime.FromTicks(reader.GetInt64(5))));
                }
            }

            transaction.Commit();
            return new InstanceSnapshot(instance, history, inbox, activities);
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    public async Task<IReadOnlyList<TimerWorkItem>> GetPendingTimersAsync(int max, CancellationToken cancellationToken)
    {
        if (max <= 0)
        {
            return [];
        }

        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText =
                "SELECT instance_id, execution_id, timer_id, fire_at FROM timers ORDER BY fire_at, instance_id, timer_id LIMIT $max";
            command.Parameters.AddWithValue("$max", max);
            var timers = new List<TimerWorkItem>();
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                timers.Add(new TimerWorkItem(reader.GetString(0), reader.GetString(1), reader.GetInt32(2), StoreTime.FromTicks(reader.GetInt64(3))));
            }

            return timers;
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    private static async Task<InstanceRecord?> ReadInstanceAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string instanceId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, $"SELECT {InstanceRows.Columns} FROM instances WHERE instance_id = $id", instanceId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? InstanceRows.Read(reader) : null;
    }

    private static async Task<IReadOnlyList<HistoryEvent>> ReadHistoryAsync(
        SqliteConnection connection, SqliteTransaction? transaction, string instanceId, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "SELECT events FROM history WHERE instance_id = $id ORDER BY seq", instanceId);
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var events = new List<HistoryEvent>();
        while (await reader.ReadAsync(cancellationToken))
        {
            StoreJson.DeserializeEventsInto(reader.GetString(0), events);
        }

        return events;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string instanceId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", instanceId);
        return command;
    }
}
