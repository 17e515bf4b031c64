namespace Orchestrator.Agents.Tools;

/// <summary>What a tool knows about the call it serves: the idempotency key and the principal pair.</summary>
/// <param name="IdempotencyKey">Stable across re-deliveries of the call (<c>{instanceId}:{taskId}</c>).</param>
/// <param name="InstanceId">The calling instance.</param>
/// <param name="Agent">The agent that called, if any.</param>
/// <param name="OnBehalfOf">The person the call acts for.</param>
/// <param name="CancellationToken">Cancellation.</param>
public sealed record ToolInvocationContext(string IdempotencyKey, string InstanceId, string? Agent, string? OnBehalfOf, CancellationToken CancellationToken);
