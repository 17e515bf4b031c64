using Microsoft.Data.Sqlite;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The writer's statements on <c>human_tasks</c> and <c>human_task_assignees</c>, prepared once on the writer
/// connection. Every change of state is guarded by <c>status = 'Pending'</c>, so whoever comes second changes no row.
/// </summary>
internal sealed class HumanTaskStatements
{
    public HumanTaskStatements(SqliteConnection connection)
    {
        var pending = $"'{HumanTaskRows.PendingText}'";
        Select = new(connection, $"SELECT {HumanTaskRows.Columns} FROM human_tasks WHERE task_id = $task", "$task");
        SelectStatus = new(connection, "SELECT status, instance_id FROM human_tasks WHERE task_id = $task", "$task");
        Insert = new(
            connection,
            """
            INSERT INTO human_tasks (task_id, instance_id, workflow, title, details, proposed, proposed_schema, assign_to,
                                     requested_by_agent, on_behalf_of, context, created_at, due_at, status, decided_by,
                                     decided_at, comment, edits)
            VALUES ($task, $instance, $workflow, $title, $details, $proposed, $schema, $assignTo, $agent, $onBehalfOf,
                    $context, $created, $due, $status, $decidedBy, $decidedAt, $comment, $edits)
            ON CONFLICT (task_id) DO NOTHING
            """,
            "$task", "$instance", "$workflow", "$title", "$details", "$proposed", "$schema", "$assignTo", "$agent", "$onBehalfOf",
            "$context", "$created", "$due", "$status", "$decidedBy", "$decidedAt", "$comment", "$edits");
        InsertAssignee = new(
            connection,
            "INSERT OR IGNORE INTO human_task_assignees (assignee, task_id) VALUES ($assignee, $task)",
            "$task", "$assignee");
        DeleteAssignees = new(connection, "DELETE FROM human_task_assignees WHERE task_id = $task", "$task");
        Decide = new(
            connection,
            $"""
            UPDATE human_tasks SET status = $status, decided_by = $decidedBy, decided_at = $decidedAt, comment = $comment, edits = $edits
            WHERE task_id = $task AND status = {pending}
            """,
            "$task", "$status", "$decidedBy", "$decidedAt", "$comment", "$edits");
        Escalate = new(
            connection,
            $"UPDATE human_tasks SET assign_to = COALESCE($assignTo, assign_to), due_at = $due WHERE task_id = $task AND status = {pending}",
            "$task", "$assignTo", "$due");
        All = [Select, SelectStatus, Insert, InsertAssignee, DeleteAssignees, Decide, Escalate];
    }

    /// <summary>$task; the columns of <see cref="HumanTaskRows.Columns"/>.</summary>
    public PreparedStatement Select { get; }

    /// <summary>$task; the status and the instance id.</summary>
    public PreparedStatement SelectStatus { get; }

    /// <summary>$task, $instance, $workflow, $title, $details, $proposed, $schema, $assignTo, $agent, $onBehalfOf, $context,
    /// $created, $due, $status, $decidedBy, $decidedAt, $comment, $edits; 0 rows when the id exists.</summary>
    public PreparedStatement Insert { get; }

    /// <summary>$task, $assignee; a repeated assignee is kept once.</summary>
    public PreparedStatement InsertAssignee { get; }

    /// <summary>$task.</summary>
    public PreparedStatement DeleteAssignees { get; }

    /// <summary>$task, $status, $decidedBy, $decidedAt, $comment, $edits; 0 rows unless the task is Pending.</summary>
    public PreparedStatement Decide { get; }

    /// <summary>$task, $assignTo (null keeps the assignees), $due; 0 rows unless the task is Pending.</summary>
    public PreparedStatement Escalate { get; }

    /// <summary>Every statement above, for enlisting and disposal.</summary>
    public IReadOnlyList<PreparedStatement> All { get; }
}
