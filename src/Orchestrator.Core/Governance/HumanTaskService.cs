using Orchestrator.Core.History;
using Orchestrator.Core.Runtime;
using Orchestrator.Core.Storage;

namespace Orchestrator.Core.Governance;

/// <summary>Human tasks through the engine's journal: a decision and its event commit together, then the event wakes the instance.</summary>
internal sealed class HumanTaskService(InstanceJournal journal, IWorkflowStore store, HumanTaskChangeHub changes, PayloadLimits limits, TimeProvider time) : IHumanTaskService
{
    public async Task<HumanTask> CreateAsync(HumanTask task, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(task);
        var created = await journal.WriteAsync(new CreateHumanTaskWrite(task) { Audit = ApprovalAudit.Requested(task) });
        var stored = await store.GetHumanTaskAsync(task.TaskId, cancellationToken)
            ?? throw new InvalidOperationException($"Human task '{task.TaskId}' was not stored.");
        changes.Publish(created.Outcome == WriteOutcome.Done ? HumanTaskChangeKind.Created : null, stored);
        return stored;
    }

    public async Task<HumanTaskDecisionResult> DecideAsync(
        string taskId, bool approve, string user, IReadOnlyList<string> roles, string? comment, string? editsJson, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var status = approve ? HumanTaskStatus.Approved : HumanTaskStatus.Rejected;

        // The decision reaches the instance's history as its event's payload; only the engine raises it.
        var payload = OrchestratorJson.Serialize(new HumanTaskDecision(taskId, status, user, now, comment, editsJson));
        limits.Check(payload, "decision (comment and edits)");
        var result = await journal.WriteAsync(new DecideHumanTaskWrite(taskId, status, user, roles, comment, editsJson, now)
        {
            Decision = new EventRaised(-1, now, HumanTask.EventNameFor(taskId), payload, RaisedByEngine: true, By: user),
            Audit = ApprovalAudit.Decided(taskId, approve, user, editsJson is not null, now),
        });
        var task = await store.GetHumanTaskAsync(taskId, cancellationToken);
        switch (result.Outcome)
        {
            case WriteOutcome.Done:
                changes.Publish(HumanTaskChangeKind.Decided, task!);
                return new HumanTaskDecisionResult(HumanTaskDecisionOutcome.Decided, task);
            case WriteOutcome.NotFound:
                return new HumanTaskDecisionResult(HumanTaskDecisionOutcome.NotFound, null);
            case WriteOutcome.Forbidden:
                return new HumanTaskDecisionResult(HumanTaskDecisionOutcome.Forbidden, task);
            default:
                return new HumanTaskDecisionResult(HumanTaskDecisionOutcome.Conflict, task);
        }
    }

    public async Task<HumanTask> ResolveAsync(string taskId, HumanTaskStatus status, IReadOnlyList<string>? assignTo, DateTime? dueAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var result = await journal.WriteAsync(new UpdateHumanTaskWrite(taskId, status, assignTo, dueAt, now) { Audit = ApprovalAudit.Resolved(taskId, status, assignTo, now) });
        var task = result.Outcome == WriteOutcome.NotFound
            ? throw new InvalidOperationException($"Human task '{taskId}' does not exist.")
            : (await store.GetHumanTaskAsync(taskId, cancellationToken))!;
        changes.Publish(result.Outcome != WriteOutcome.Done ? null : status == HumanTaskStatus.Pending ? HumanTaskChangeKind.Updated : HumanTaskChangeKind.Decided, task);
        return task;
    }

    public Task<HumanTask?> GetAsync(string taskId, CancellationToken cancellationToken = default) =>
        store.GetHumanTaskAsync(taskId, cancellationToken);

    public Task<IReadOnlyList<HumanTask>> QueryAsync(HumanTaskQuery query, CancellationToken cancellationToken = default) =>
        store.QueryHumanTasksAsync(query, cancellationToken);
}
