using Orchestrator.Core;

namespace Orchestrator.Server.Contracts;

/// <summary>The answer of an accepted operation; the engine applies it right after.</summary>
/// <param name="InstanceId">The instance.</param>
/// <param name="Status">The instance's status when the operation was accepted.</param>
internal sealed record OperationAccepted(string InstanceId, InstanceStatus Status);
