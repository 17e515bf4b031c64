namespace Orchestrator.Server.Tests.Infrastructure;

/// <summary>A human task created for a test, and the instance that waits for its decision.</summary>
public sealed record PendingApproval(string TaskId, string InstanceId);
