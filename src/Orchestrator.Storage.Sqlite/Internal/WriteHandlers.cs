using Orchestrator.Core;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The meaning of each <see cref="StoreWrite"/>, as documented on the write types, applied with the writer's prepared
/// statements inside the batch's transaction. A write that is refused (NotFound, Conflict, AlreadyExists, Forbidden)
/// changes nothing. Human-task writes are handled by <see cref="HumanTaskWriteHandlers"/>.
/// </summary>
internal sealed class WriteHandlers
{
    private static readonly StoreWriteResult _notFound = new(WriteOutcome.NotFound, []);
    private static readonly StoreWriteResult _conflict = new(WriteOutcome.Conflict, []);

    private readonly WriterStatements _sql;
    private readonly TimeProvider _time;
    private readonly HumanTaskWriteHandlers _humanTasks;
    private readonly AuditAppender _audit;

    public WriteHandlers(WriterStatements sql, TimeProvider time, AuditAppender audit)
    {
        _sql = sql;
        _time = time;
        _audit = audit;
        _humanTasks = new HumanTaskWriteHandlers(sql, time, audit);
    }

    /// <summary>Applies one write; throws for a write it cannot apply, which rolls the batch back.</summary>
    public StoreWriteResult Apply(StoreWrite write) => write switch
    {
        InstanceCommit commit => Commit(commit),
        CreateInstanceWrite create => Create(create.Instance),
        EnqueueWrite enqueue => Enqueue(enqueue),
        ActivityAttemptWrite attempt => RecordAttempt(attempt),
        PurgeWrite purge => Purge(purge.InstanceId),
        CreateHumanTaskWrite create => _humanTasks.Create(create),
        DecideHumanTaskWrite decide => _humanTasks.Decide(decide),
        UpdateHumanTaskWrite update => _humanTasks.Update(update),
        AppendAuditWrite append => AppendAudit(append),
        null => throw new ArgumentException("The batch holds a null write.", nameof(write)),
        _ => throw new NotSupportedException($"The SQLite store cannot apply a {write.GetType().Name}."),
    };

    private StoreWriteResult Create(NewInstance instance)
    {
        if (TryInsertInstance(instance) is { } started)
        {
            return new StoreWriteResult(WriteOutcome.Done, [started]);
        }

        var existing = ReadInstance(instance.InstanceId);
        var same = existing.Name == instance.Name && existing.Input == instance.Input;
        return new StoreWriteResult(same ? WriteOutcome.AlreadyExists : WriteOutcome.Conflict, [], existing);
    }

    private StoreWriteResult Enqueue(EnqueueWrite enqueue)
    {
        var status = ReadStatus(enqueue.InstanceId);
        if (status is null)
        {
            return _notFound;
        }

        if (status.Value.IsTerminal() && !enqueue.AllowFinished)
        {
            return _conflict;
        }

        return new StoreWriteResult(WriteOutcome.Done, [InsertInbox(enqueue.InstanceId, enqueue.Event)]);
    }

    private StoreWriteResult RecordAttempt(ActivityAttemptWrite attempt)
    {
        var updated = _sql.UpdateAttempt
            .Set(0, attempt.InstanceId).Set(1, attempt.TaskId).Set(2, attempt.Attempt).Set(3, attempt.DueAt).Set(4, attempt.LastError)
            .Set(5, attempt.ExecutionId)
            .Execute();
        if (updated > 0 && attempt.Failed is { } failed)
        {
            _sql.AppendHistory.Set(0, attempt.InstanceId).Set(1, StoreJson.SerializeEvents([failed])).Execute();
        }

        return StoreWriteResult.Ok;
    }

    private StoreWriteResult Purge(string instanceId)
    {
        var status = ReadStatus(instanceId);
        if (status is null)
        {
            return _notFound;
        }

        if (!status.Value.IsTerminal())
        {
            return _conflict;
        }

        _sql.Purge.Set(0, instanceId).Execute();
        return StoreWriteResult.Ok;
    }

    private StoreWriteResult Commit(InstanceCommit commit)
    {
        var id = commit.InstanceId;
        var update = commit.Update;
        var updated = _sql.UpdateInstance
            .Set(0, id).Set(1, InstanceRows.StatusText(update.Status)).Set(2, update.Output)
            .Set(3, StoreJson.SerializeFailure(update.Error)).Set(4, update.CustomStatus).Set(5, update.UpdatedAt)
            .Set(6, update.ExecutionId).Set(7, update.Input)
            .Execute();
        if (updated == 0)
        {
            // Purged meanwhile, or never created: there is nothing to attach the turn to.
            return _notFound;
        }

        AddUsage(id, commit.Usage);
        _audit.Append(commit.Audit);

        if (commit.ReplaceHistory)
        {
            _sql.DeleteHistory.Set(0, id).Execute();
        }

        if (commit.NewEvents.Count > 0)
        {
            _sql.AppendHistory.Set(0, id).Set(1, StoreJson.SerializeEvents(commit.NewEvents)).Execute();
        }

        if (commit.ClearInbox)
        {
            _sql.ClearInbox.Set(0, id).Execute();
        }

        foreach (var inboxId in commit.ConsumedInbox)
        {
            _sql.DeleteInbox.Set(0, id).Set(1, inboxId).Execute();
        }

        if (commit.ClearPendingWork)
        {
            _sql.ClearPendingWork.Set(0, id).Execute();
        }
        else
        {
            foreach (var taskId in commit.FinishedActivities)
            {
                _sql.DeleteActivity.Set(0, id).Set(1, taskId).Execute();
            }

            foreach (var timerId in commit.FiredTimers)
            {
                _sql.DeleteTimer.Set(0, id).Set(1, timerId).Execute();
            }
        }

        foreach (var a in commit.NewActivities)
        {
            _sql.UpsertActivity
                .Set(0, a.InstanceId).Set(1, a.TaskId).Set(2, a.ExecutionId).Set(3, a.Name).Set(4, a.Input).Set(5, a.Attempt).Set(6, a.DueAt)
                .Execute();
        }

        foreach (var t in commit.NewTimers)
        {
            _sql.UpsertTimer.Set(0, t.InstanceId).Set(1, t.TimerId).Set(2, t.ExecutionId).Set(3, t.FireAt).Execute();
        }

        if (commit.NewInstances.Count + commit.Messages.Count == 0)
        {
            return StoreWriteResult.Ok;
        }

        var enqueued = new List<InboxMessage>(commit.NewInstances.Count + commit.Messages.Count);
        foreach (var child in commit.NewInstances)
        {
            if (TryInsertInstance(child) is { } started)
            {
                enqueued.Add(started);
            }
            else if (child.IfIdTaken is { } failure && child.Parent is { } parent)
            {
                // The id belongs to another instance: its step fails in the parent instead of waiting for a stranger.
                enqueued.Add(InsertInbox(parent.InstanceId, failure));
            }
        }

        foreach (var message in commit.Messages)
        {
            if (ReadStatus(message.InstanceId) is { } status && !status.IsTerminal())
            {
                enqueued.Add(InsertInbox(message.InstanceId, message.Event));
            }
        }

        return new StoreWriteResult(WriteOutcome.Done, enqueued);
    }

    private StoreWriteResult AppendAudit(AppendAuditWrite append)
    {
        ArgumentNullException.ThrowIfNull(append.Entries);
        _audit.Append(append.Entries);
        return StoreWriteResult.Ok;
    }

    /// <summary>Records each usage entry and adds them all to the instance's totals, which therefore always equal the
    /// sum of its entries.</summary>
    private void AddUsage(string instanceId, IReadOnlyList<UsageRecord> usage)
    {
        if (usage.Count == 0)
        {
            return;
        }

        long input = 0, cached = 0, output = 0, cost = 0;
        foreach (var entry in usage)
        {
            if (entry.InstanceId != instanceId)
            {
                throw new ArgumentException(
                    $"Usage of instance '{entry.InstanceId}' cannot be committed with instance '{instanceId}'.", nameof(usage));
            }

            var report = entry.Report;
            var nanos = UsageCost.ToNanos(report.CostUsd);
            _sql.InsertUsage
                .Set(0, instanceId).Set(1, entry.TaskId).Set(2, entry.Workflow).Set(3, entry.Agent).Set(4, entry.User).Set(5, report.Model)
                .Set(6, report.InputTokens).Set(7, report.CachedInputTokens).Set(8, report.OutputTokens).Set(9, nanos).Set(10, entry.At)
                .Execute();
            input = checked(input + report.InputTokens);
            cached = checked(cached + report.CachedInputTokens);
            output = checked(output + report.OutputTokens);
            cost = checked(cost + nanos);
        }

        _sql.AddInstanceUsage.Set(0, instanceId).Set(1, input).Set(2, cached).Set(3, output).Set(4, cost).Execute();
    }

    /// <summary>Inserts a Pending instance with its tags and its ExecutionStarted message, which it returns; null when the id is taken.</summary>
    private InboxMessage? TryInsertInstance(NewInstance instance)
    {
        var inserted = _sql.InsertInstance
            .Set(0, instance.InstanceId).Set(1, instance.Name).Set(2, instance.Version).Set(3, InstanceRows.StatusText(InstanceStatus.Pending))
            .Set(4, instance.Input).Set(5, instance.CreatedAt).Set(6, instance.StartedBy).Set(7, instance.Parent?.InstanceId)
            .Set(8, StoreJson.SerializeTags(instance.Tags)).Set(9, instance.ExecutionId)
            .Execute();
        if (inserted == 0)
        {
            return null;
        }

        if (instance.Tags is { Count: > 0 } tags)
        {
            foreach (var (key, value) in tags)
            {
                _sql.InsertTag.Set(0, instance.InstanceId).Set(1, key).Set(2, value).Execute();
            }
        }

        return InsertInbox(instance.InstanceId, instance.ToStartedEvent());
    }

    private InboxMessage InsertInbox(string instanceId, HistoryEvent message) => _sql.AppendInbox(instanceId, message, _time.GetUtcNow().UtcTicks);

    private InstanceStatus? ReadStatus(string instanceId) => _sql.ReadStatus(instanceId);

    private InstanceRecord ReadInstance(string instanceId)
    {
        using var reader = _sql.SelectInstance.Set(0, instanceId).Reader();
        return reader.Read()
            ? InstanceRows.Read(reader)
            : throw new InvalidOperationException($"Instance '{instanceId}' vanished inside a write transaction.");
    }
}
