using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The human-task writes (<see cref="CreateHumanTaskWrite"/>, <see cref="DecideHumanTaskWrite"/>,
/// <see cref="UpdateHumanTaskWrite"/>), applied inside the batch's transaction. A refused write changes nothing.
/// </summary>
/// <remarks>
/// The writer is single-threaded, so a check followed by an update cannot race; the updates are still guarded by
/// <c>status = 'Pending'</c> and their row count checked, so a second decision can never overwrite the first.
/// </remarks>
internal sealed class HumanTaskWriteHandlers
{
    /// <summary>Who a timeout rule's change is recorded as.</summary>
    public const string SystemActor = "system";

    private static readonly StoreWriteResult _notFound = new(WriteOutcome.NotFound, []);
    private static readonly StoreWriteResult _conflict = new(WriteOutcome.Conflict, []);
    private static readonly StoreWriteResult _forbidden = new(WriteOutcome.Forbidden, []);
    private static readonly StoreWriteResult _alreadyExists = new(WriteOutcome.AlreadyExists, []);

    private readonly WriterStatements _sql;
    private readonly HumanTaskStatements _tasks;
    private readonly TimeProvider _time;
    private readonly AuditAppender _audit;

    public HumanTaskWriteHandlers(WriterStatements sql, TimeProvider time, AuditAppender audit)
    {
        _sql = sql;
        _tasks = sql.HumanTasks;
        _time = time;
        _audit = audit;
    }

    public StoreWriteResult Create(CreateHumanTaskWrite create)
    {
        var task = create.Task;
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(task.AssignTo);
        var inserted = _tasks.Insert
            .Set(0, task.TaskId).Set(1, task.InstanceId).Set(2, task.Workflow).Set(3, task.Title).Set(4, task.Details)
            .Set(5, task.ProposedJson).Set(6, task.ProposedSchemaJson).Set(7, StoreJson.SerializeStrings(task.AssignTo))
            .Set(8, task.RequestedByAgent).Set(9, task.OnBehalfOf).Set(10, task.ContextJson).Set(11, task.CreatedAt)
            .Set(12, task.DueAt).Set(13, HumanTaskRows.StatusText(task.Status)).Set(14, task.DecidedBy).Set(15, task.DecidedAt)
            .Set(16, task.Comment).Set(17, task.EditsJson)
            .Execute();
        if (inserted == 0)
        {
            return _alreadyExists;
        }

        InsertAssignees(task.TaskId, task.AssignTo);
        AppendAudit(create.Audit, task.InstanceId);
        return StoreWriteResult.Ok;
    }

    public StoreWriteResult Decide(DecideHumanTaskWrite decide)
    {
        if (decide.Status is not (HumanTaskStatus.Approved or HumanTaskStatus.Rejected))
        {
            throw new ArgumentOutOfRangeException(nameof(decide), decide.Status, "A decision approves or rejects a task.");
        }

        var task = ReadTask(decide.TaskId);
        if (task is null)
        {
            return _notFound;
        }

        // The rule of who may decide lives on HumanTask, so the store and every other caller apply the same one.
        if (!task.IsAssignee(decide.DecidedBy, decide.CallerRoles))
        {
            return _forbidden;
        }

        if (task.Status != HumanTaskStatus.Pending
            || (task.DueAt is { } due && StoreTime.ToTicks(decide.Now) >= StoreTime.ToTicks(due))
            || _sql.ReadStatus(task.InstanceId) is not { } status
            || status.IsTerminal())
        {
            // Decided, expired, or nobody is left waiting for the answer.
            return _conflict;
        }

        var updated = _tasks.Decide
            .Set(0, task.TaskId).Set(1, HumanTaskRows.StatusText(decide.Status)).Set(2, decide.DecidedBy).Set(3, decide.Now)
            .Set(4, decide.Comment).Set(5, decide.EditsJson)
            .Execute();
        if (updated == 0)
        {
            return _conflict;
        }

        if (decide.Decision.Name != HumanTask.EventNameFor(task.TaskId))
        {
            throw new ArgumentException($"The decision of task '{task.TaskId}' must be the event '{HumanTask.EventNameFor(task.TaskId)}', not '{decide.Decision.Name}'.", nameof(decide));
        }

        AppendAudit(decide.Audit, task.InstanceId);
        return new StoreWriteResult(WriteOutcome.Done, [_sql.AppendInbox(task.InstanceId, decide.Decision, _time.GetUtcNow().UtcTicks)]);
    }

    /// <summary>
    /// A timeout rule: Pending escalates (new assignees, unless null, and the new due time, null for none); any other
    /// status resolves the task as the system. No inbox event: the workflow applies its own rule and already knows.
    /// </summary>
    public StoreWriteResult Update(UpdateHumanTaskWrite update)
    {
        var statusText = HumanTaskRows.StatusText(update.Status);
        string current, instanceId;
        using (var reader = _tasks.SelectStatus.Set(0, update.TaskId).Reader())
        {
            if (!reader.Read())
            {
                return _notFound;
            }

            (current, instanceId) = (reader.GetString(0), reader.GetString(1));
        }

        if (current != HumanTaskRows.PendingText)
        {
            return _conflict;
        }

        if (update.Status == HumanTaskStatus.Pending)
        {
            var assignTo = update.AssignTo is null ? null : StoreJson.SerializeStrings(update.AssignTo);
            if (_tasks.Escalate.Set(0, update.TaskId).Set(1, assignTo).Set(2, update.DueAt).Execute() == 0)
            {
                return _conflict;
            }

            if (update.AssignTo is not null)
            {
                _tasks.DeleteAssignees.Set(0, update.TaskId).Execute();
                InsertAssignees(update.TaskId, update.AssignTo);
            }

            AppendAudit(update.Audit, instanceId);
            return StoreWriteResult.Ok;
        }

        var resolved = _tasks.Decide
            .Set(0, update.TaskId).Set(1, statusText).Set(2, SystemActor).Set(3, update.Now).Set(4, (string?)null).Set(5, (string?)null)
            .Execute();
        if (resolved == 0)
        {
            return _conflict;
        }

        AppendAudit(update.Audit, instanceId);
        return StoreWriteResult.Ok;
    }

    /// <summary>Appends a change's audit record in its transaction, naming the task's instance when the record does not.</summary>
    private void AppendAudit(AuditEntry? entry, string instanceId)
    {
        if (entry is not null)
        {
            _audit.Append(entry.InstanceId is null ? entry with { InstanceId = instanceId } : entry);
        }
    }

    private void InsertAssignees(string taskId, IReadOnlyList<string> assignTo)
    {
        foreach (var assignee in HumanTaskRows.Assignees(assignTo))
        {
            _tasks.InsertAssignee.Set(0, taskId).Set(1, assignee).Execute();
        }
    }

    private HumanTask? ReadTask(string taskId)
    {
        using var reader = _tasks.Select.Set(0, taskId).Reader();
        return reader.Read() ? HumanTaskRows.Read(reader) : null;
    }
}
