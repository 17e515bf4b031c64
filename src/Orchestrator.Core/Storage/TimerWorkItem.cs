namespace Orchestrator.Core.Storage;

/// <summary>A durable timer not yet fired.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="ExecutionId">The generation that created it.</param>
/// <param name="TimerId">The timer id.</param>
/// <param name="FireAt">When it fires.</param>
public sealed record TimerWorkItem(string InstanceId, string ExecutionId, int TimerId, DateTime FireAt);
