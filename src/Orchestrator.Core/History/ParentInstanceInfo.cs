namespace Orchestrator.Core.History;

/// <summary>The parent of a sub-workflow: which instance and which of its tasks waits for it.</summary>
/// <param name="InstanceId">The parent instance.</param>
/// <param name="TaskScheduledId">The parent's task id for the sub-workflow call.</param>
/// <param name="Name">The parent workflow's name.</param>
public sealed record ParentInstanceInfo(string InstanceId, int TaskScheduledId, string Name);
