using Orchestrator.Core;
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
}
