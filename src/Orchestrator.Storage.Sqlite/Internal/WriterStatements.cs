using Microsoft.Data.Sqlite;
using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// Every statement the writer runs, prepared once on the writer connection. Parameters are set by position, in the
/// order of the names given to each statement.
/// </summary>
internal sealed class WriterStatements : IDisposable
{
    private readonly PreparedStatement[] _all;

    public WriterStatements(SqliteConnection connection)
    {
        SelectInstance = new(connection, $"SELECT {InstanceRows.Columns} FROM instances WHERE instance_id = $id", "$id");
        SelectStatus = new(connection, "SELECT status FROM instances WHERE instance_id = $id", "$id");
        InsertInstance = new(
            connection,
            """
            INSERT INTO instances (instance_id, name, version, status, input, created_at, updated_at, started_by,
                                   parent_instance_id, tags, execution_id, root_instance_id)
            VALUES ($id, $name, $version, $status, $input, $created, $created, $startedBy, $parent, $tags, $execution,
                    COALESCE((SELECT COALESCE(p.root_instance_id, p.instance_id) FROM instances AS p WHERE p.instance_id = $parent), $parent, $id))
            ON CONFLICT (instance_id) DO NOTHING
            """,
            "$id", "$name", "$version", "$status", "$input", "$created", "$startedBy", "$parent", "$tags", "$execution");
        InsertTag = new(connection, "INSERT INTO instance_tags (instance_id, key, value) VALUES ($id, $key, $value)", "$id", "$key", "$value");
        InsertInbox = new(
            connection,
            "INSERT INTO inbox (instance_id, event, created_at) VALUES ($id, $event, $at) RETURNING id",
            "$id", "$event", "$at");
        UpdateAttempt = new(
            connection,
            """
            UPDATE activities SET attempt = $attempt, due_at = $due, last_error = $error
            WHERE instance_id = $id AND task_id = $task AND ($execution IS NULL OR execution_id = $execution)
            """,
            "$id", "$task", "$attempt", "$due", "$error", "$execution");
        Purge = new(
            connection,
            """
            DELETE FROM history WHERE instance_id = $id;
            DELETE FROM inbox WHERE instance_id = $id;
            DELETE FROM activities WHERE instance_id = $id;
            DELETE FROM timers WHERE instance_id = $id;
            DELETE FROM instance_tags WHERE instance_id = $id;
            DELETE FROM human_task_assignees WHERE task_id IN (SELECT task_id FROM human_tasks WHERE instance_id = $id);
            DELETE FROM human_tasks WHERE instance_id = $id;
            DELETE FROM instances WHERE instance_id = $id;
            """,
            "$id");
        UpdateInstance = new(
            connection,
            """
            UPDATE instances SET status = $status, output = $output, error = $error, custom_status = $custom,
                                 updated_at = $updated, execution_id = $execution, input = $input
            WHERE instance_id = $id
            """,
            "$id", "$status", "$output", "$error", "$custom", "$updated", "$execution", "$input");
        DeleteHistory = new(connection, "DELETE FROM history WHERE instance_id = $id", "$id");
        AppendHistory = new(
            connection,
            "INSERT INTO history (instance_id, seq, events) SELECT $id, COALESCE(MAX(seq), 0) + 1, $events FROM history WHERE instance_id = $id",
            "$id", "$events");
        DeleteInbox = new(connection, "DELETE FROM inbox WHERE id = $inbox AND instance_id = $id", "$id", "$inbox");
        ClearInbox = new(connection, "DELETE FROM inbox WHERE instance_id = $id", "$id");
        DeleteActivity = new(connection, "DELETE FROM activities WHERE instance_id = $id AND task_id = $task", "$id", "$task");
        DeleteTimer = new(connection, "DELETE FROM timers WHERE instance_id = $id AND timer_id = $timer", "$id", "$timer");
        ClearPendingWork = new(
            connection,
            "DELETE FROM activities WHERE instance_id = $id; DELETE FROM timers WHERE instance_id = $id;",
            "$id");
        UpsertActivity = new(
            connection,
            """
            INSERT OR REPLACE INTO activities (instance_id, task_id, execution_id, name, input, attempt, due_at, last_error)
            VALUES ($id, $task, $execution, $name, $input, $attempt, $due, NULL)
            """,
            "$id", "$task", "$execution", "$name", "$input", "$attempt", "$due");
        UpsertTimer = new(
            connection,
            "INSERT OR REPLACE INTO timers (instance_id, timer_id, execution_id, fire_at) VALUES ($id, $timer, $execution, $fire)",
            "$id", "$timer", "$execution", "$fire");
        Claim = new(
            connection,
            $"""
            UPDATE instances SET lease_owner = $owner, lease_until = $until
            WHERE instance_id IN (
                SELECT i.instance_id
                FROM (SELECT instance_id FROM inbox
                      UNION SELECT instance_id FROM activities WHERE due_at <= $now
                      UNION SELECT instance_id FROM timers WHERE fire_at <= $now) AS work
                JOIN instances AS i ON i.instance_id = work.instance_id
                WHERE (i.lease_owner IS NULL OR i.lease_owner = $owner OR i.lease_until <= $now)
                  AND (i.status NOT IN {InstanceRows.HeldStatusList}
                       OR EXISTS (SELECT 1 FROM inbox AS b WHERE b.instance_id = i.instance_id))
                LIMIT $max)
            RETURNING instance_id
            """,
            "$owner", "$now", "$until", "$max");
        InsertUsage = new(
            connection,
            """
            INSERT INTO usage (instance_id, task_id, workflow, agent, user_name, model, input_tokens, cached_input_tokens,
                               output_tokens, cost_nanousd, at, root_instance_id, root_workflow)
            SELECT $id, $task, $workflow, $agent, $user, $model, $input, $cached, $output, $cost, $at,
                   COALESCE(i.root_instance_id, $id), COALESCE(r.name, $workflow)
            FROM (SELECT $id AS instance_id) AS self
            LEFT JOIN instances AS i ON i.instance_id = self.instance_id
            LEFT JOIN instances AS r ON r.instance_id = i.root_instance_id
            """,
            "$id", "$task", "$workflow", "$agent", "$user", "$model", "$input", "$cached", "$output", "$cost", "$at");
        AddInstanceUsage = new(
            connection,
            """
            UPDATE instances SET input_tokens = input_tokens + $input, cached_input_tokens = cached_input_tokens + $cached,
                                 output_tokens = output_tokens + $output, cost_nanousd = cost_nanousd + $cost
            WHERE instance_id = $id;
            WITH RECURSIVE up (id) AS (
                SELECT $id
                UNION
                SELECT i.parent_instance_id FROM instances AS i JOIN up ON i.instance_id = up.id WHERE i.parent_instance_id IS NOT NULL)
            UPDATE instances SET total_input_tokens = total_input_tokens + $input,
                                 total_cached_input_tokens = total_cached_input_tokens + $cached,
                                 total_output_tokens = total_output_tokens + $output,
                                 total_cost_nanousd = total_cost_nanousd + $cost
            WHERE instance_id IN (SELECT id FROM up);
            """,
            "$id", "$input", "$cached", "$output", "$cost");
        SelectAuditHead = new(connection, "SELECT seq, hash FROM audit ORDER BY seq DESC LIMIT 1");
        InsertAudit = new(
            connection,
            """
            INSERT INTO audit (seq, time, instance_id, actor, on_behalf_of, action, target, outcome, details, prev_hash, hash)
            VALUES ($seq, $time, $instance, $actor, $onBehalfOf, $action, $target, $outcome, $details, $prev, $hash)
            """,
            "$seq", "$time", "$instance", "$actor", "$onBehalfOf", "$action", "$target", "$outcome", "$details", "$prev", "$hash");
        HumanTasks = new HumanTaskStatements(connection);

        _all =
        [
            SelectInstance, SelectStatus, InsertInstance, InsertTag, InsertInbox, UpdateAttempt, Purge, UpdateInstance,
            DeleteHistory, AppendHistory, DeleteInbox, ClearInbox, DeleteActivity, DeleteTimer, ClearPendingWork, UpsertActivity,
            UpsertTimer, Claim, InsertUsage, AddInstanceUsage, SelectAuditHead, InsertAudit, .. HumanTasks.All,
        ];
    }

    /// <summary>$id.</summary>
    public PreparedStatement SelectInstance { get; }

    /// <summary>$id.</summary>
    public PreparedStatement SelectStatus { get; }

    /// <summary>$id, $name, $version, $status, $input, $created, $startedBy, $parent, $tags, $execution; 0 rows when the id exists.</summary>
    public PreparedStatement InsertInstance { get; }

    /// <summary>$id, $key, $value.</summary>
    public PreparedStatement InsertTag { get; }

    /// <summary>$id, $event, $at; returns the new id.</summary>
    public PreparedStatement InsertInbox { get; }

    /// <summary>$id, $task, $attempt, $due, $error, $execution (null for any generation); 0 rows when the call is not open.</summary>
    public PreparedStatement UpdateAttempt { get; }

    /// <summary>$id: the instance and all its rows, its human tasks included. Usage rows stay: they are the accounting
    /// record of what was spent, which outlives the instance.</summary>
    public PreparedStatement Purge { get; }

    /// <summary>$id, $status, $output, $error, $custom, $updated, $execution, $input.</summary>
    public PreparedStatement UpdateInstance { get; }

    /// <summary>$id.</summary>
    public PreparedStatement DeleteHistory { get; }

    /// <summary>$id, $events: one row after the instance's last.</summary>
    public PreparedStatement AppendHistory { get; }

    /// <summary>$id, $inbox.</summary>
    public PreparedStatement DeleteInbox { get; }

    /// <summary>$id: every inbox message of the instance.</summary>
    public PreparedStatement ClearInbox { get; }

    /// <summary>$id, $task.</summary>
    public PreparedStatement DeleteActivity { get; }

    /// <summary>$id, $timer.</summary>
    public PreparedStatement DeleteTimer { get; }

    /// <summary>$id: all activities and timers of the instance.</summary>
    public PreparedStatement ClearPendingWork { get; }

    /// <summary>$id, $task, $execution, $name, $input, $attempt, $due.</summary>
    public PreparedStatement UpsertActivity { get; }

    /// <summary>$id, $timer, $execution, $fire.</summary>
    public PreparedStatement UpsertTimer { get; }

    /// <summary>
    /// $owner, $now, $until, $max; returns the claimed ids. A finished instance is claimed only for inbox messages
    /// (a rewind or restart enqueued with AllowFinished, or events the engine must drop), never for its old work; a
    /// suspended one only for inbox messages too (a resume), as its activities and timers wait for it.
    /// </summary>
    public PreparedStatement Claim { get; }

    /// <summary>$id, $task, $workflow, $agent, $user, $model, $input, $cached, $output, $cost (nano-USD), $at.</summary>
    public PreparedStatement InsertUsage { get; }

    /// <summary>$id, $input, $cached, $output, $cost (nano-USD): added to the instance's totals.</summary>
    public PreparedStatement AddInstanceUsage { get; }

    /// <summary>The last audit record's seq and hash; no row when the trail is empty.</summary>
    public PreparedStatement SelectAuditHead { get; }

    /// <summary>$seq, $time, $instance, $actor, $onBehalfOf, $action, $target, $outcome, $details, $prev, $hash.</summary>
    public PreparedStatement InsertAudit { get; }

    /// <summary>The statements on human tasks.</summary>
    public HumanTaskStatements HumanTasks { get; }

    /// <summary>Puts <paramref name="message"/> into the instance's inbox; the stored message with its new id.</summary>
    public InboxMessage AppendInbox(string instanceId, HistoryEvent message, long atTicks) =>
        new((long)InsertInbox.Set(0, instanceId).Set(1, StoreJson.SerializeEvent(message)).Set(2, atTicks).Scalar()!, instanceId, message);

    /// <summary>The instance's status, or null when it does not exist.</summary>
    public InstanceStatus? ReadStatus(string instanceId) =>
        SelectStatus.Set(0, instanceId).Scalar() is string text ? InstanceRows.ParseStatus(text) : null;

    /// <summary>Makes every statement run in <paramref name="transaction"/> (null after it ends).</summary>
    public void Enlist(SqliteTransaction? transaction)
    {
        foreach (var statement in _all)
        {
            statement.Transaction = transaction;
        }
    }

    public void Dispose()
    {
        foreach (var statement in _all)
        {
            statement.Dispose();
        }
    }
}
