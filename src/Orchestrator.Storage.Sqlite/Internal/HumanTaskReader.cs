using System.Text;
using Microsoft.Data.Sqlite;
using Orchestrator.Core.Governance;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Reads of human tasks, on pooled read connections.</summary>
internal sealed class HumanTaskReader
{
    public const int MaxLimit = 500;

    private readonly ReadConnectionPool _pool;
    private readonly TimeProvider _time;

    public HumanTaskReader(ReadConnectionPool pool, TimeProvider time)
    {
        _pool = pool;
        _time = time;
    }

    public async Task<HumanTask?> GetAsync(string taskId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {HumanTaskRows.Columns} FROM human_tasks WHERE task_id = $task";
            command.Parameters.AddWithValue("$task", taskId);
            using var reader = await command.ExecuteReaderAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? HumanTaskRows.Read(reader) : null;
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    /// <summary>
    /// Pending tasks past their due time first (the most overdue first), then the rest newest first. With
    /// <see cref="HumanTaskQuery.AnyAssignee"/> ("what may I decide"), the assignee index picks the tasks.
    /// </summary>
    public async Task<IReadOnlyList<HumanTask>> QueryAsync(HumanTaskQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.AnyAssignee is { Count: 0 })
        {
            return [];
        }

        var connection = _pool.Rent();
        try
        {
            using var command = connection.CreateCommand();
            var sql = new StringBuilder($"SELECT {HumanTaskRows.Columns} FROM human_tasks AS t WHERE 1 = 1");
            if (query.Status is { } status)
            {
                sql.Append(" AND t.status = $status");
                command.Parameters.AddWithValue("$status", HumanTaskRows.StatusText(status));
            }

            if (query.InstanceId is not null)
            {
                sql.Append(" AND t.instance_id = $instance");
                command.Parameters.AddWithValue("$instance", query.InstanceId);
            }

            if (query.AnyAssignee is { } assignees)
            {
                // One JSON parameter however many roles the caller has.
                sql.Append(" AND t.task_id IN (SELECT a.task_id FROM human_task_assignees AS a WHERE a.assignee IN (SELECT value FROM json_each($assignees)))");
                command.Parameters.AddWithValue("$assignees", StoreJson.SerializeStrings(assignees));
            }

            sql.Append(
                $"""
                 ORDER BY CASE WHEN t.status = '{HumanTaskRows.PendingText}' AND t.due_at < $now THEN t.due_at END IS NULL,
                          CASE WHEN t.status = '{HumanTaskRows.PendingText}' AND t.due_at < $now THEN t.due_at END,
                          t.created_at DESC, t.task_id DESC
                 LIMIT $take
                """);
            command.Parameters.AddWithValue("$now", _time.GetUtcNow().UtcTicks);
            command.Parameters.AddWithValue("$take", Math.Clamp(query.Limit, 1, MaxLimit));
            command.CommandText = sql.ToString();
            return await ReadAllAsync(command, cancellationToken);
        }
        finally
        {
            _pool.Return(connection);
        }
    }

    private static async Task<IReadOnlyList<HumanTask>> ReadAllAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var tasks = new List<HumanTask>();
        using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tasks.Add(HumanTaskRows.Read(reader));
        }

        return tasks;
    }
}
