using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Tests.Infrastructure;

/// <summary>Ready-made records for store tests.</summary>
public static class Samples
{
    /// <summary>A fixed base time, so tests never depend on the clock.</summary>
    public static readonly DateTime T0 = new(2025, 3, 14, 9, 26, 53, DateTimeKind.Utc);

    public static NewInstance Instance(
        string id,
        string name = "order",
        string? input = "{\"n\":1}",
        IReadOnlyDictionary<string, string>? tags = null,
        ParentInstanceInfo? parent = null,
        DateTime? createdAt = null) =>
        new(id, name, "1", input, "alice", tags, parent, createdAt ?? T0, "exec-" + id);

    public static InstanceCommit Commit(string id, InstanceStatus status = InstanceStatus.Running, params HistoryEvent[] events) =>
        new(id)
        {
            Update = new InstanceUpdate(status, null, null, null, T0.AddMinutes(1), "exec-" + id, "{\"n\":1}"),
            NewEvents = events,
        };

    public static EventRaised Raised(string name, int n = 0) => new(-1, T0.AddSeconds(n), name, $"{{\"n\":{n}}}");

    public static ActivityWorkItem Activity(string id, int taskId, DateTime? dueAt = null) =>
        new(id, "exec-" + id, taskId, "charge-card", "{\"amount\":5}", 1, dueAt ?? T0);

    public static TimerWorkItem Timer(string id, int timerId, DateTime fireAt) => new(id, "exec-" + id, timerId, fireAt);

    /// <summary>A Pending approval of instance <paramref name="instanceId"/>, every optional field set.</summary>
    public static HumanTask Approval(
        string taskId,
        string instanceId = "a",
        IReadOnlyList<string>? assignTo = null,
        DateTime? createdAt = null,
        DateTime? dueAt = null) => new()
        {
            TaskId = taskId,
            InstanceId = instanceId,
            Workflow = "order",
            Title = "Refund 120 EUR?",
            Details = "The customer asks for a **refund**.",
            ProposedJson = "{\"amount\":120}",
            ProposedSchemaJson = "{\"type\":\"object\"}",
            AssignTo = assignTo ?? ["role:approver", "user:alice"],
            RequestedByAgent = "support-agent",
            OnBehalfOf = "carol",
            ContextJson = "[{\"role\":\"user\",\"text\":\"refund please\"}]",
            CreatedAt = createdAt ?? T0,
            DueAt = dueAt,
        };

    /// <summary>A decision by <paramref name="user"/> at <paramref name="now"/> (T0 + 1 minute by default).</summary>
    public static DecideHumanTaskWrite Decide(
        string taskId,
        string user = "alice",
        IReadOnlyList<string>? roles = null,
        HumanTaskStatus status = HumanTaskStatus.Approved,
        DateTime? now = null)
    {
        var at = now ?? T0.AddMinutes(1);
        var decision = OrchestratorJson.Serialize(new HumanTaskDecision(taskId, status, user, at, "looks fine", "{\"amount\":100}"));
        return new(taskId, status, user, roles ?? [], "looks fine", "{\"amount\":100}", at)
        {
            Decision = new EventRaised(-1, at, HumanTask.EventNameFor(taskId), decision, RaisedByEngine: true, By: user),
        };
    }

    /// <summary>A usage entry of instance <paramref name="id"/>'s step <paramref name="taskId"/>.</summary>
    public static UsageRecord Usage(
        string id,
        int taskId,
        decimal cost,
        string model = "gpt-x",
        string? agent = "support-agent",
        string? user = "alice",
        DateTime? at = null,
        string workflow = "order") =>
        new(id, taskId, workflow, agent, user, new UsageReport(model, 1000, 100, 50, cost), at ?? T0);
}
