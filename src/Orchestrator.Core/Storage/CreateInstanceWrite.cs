namespace Orchestrator.Core.Storage;

/// <summary>
/// Creates an instance in <see cref="InstanceStatus.Pending"/> with an <c>ExecutionStarted</c> message in its inbox.
/// An existing id with the same workflow and input is <see cref="WriteOutcome.AlreadyExists"/>; otherwise <see cref="WriteOutcome.Conflict"/>.
/// </summary>
/// <param name="Instance">The new instance.</param>
public sealed record CreateInstanceWrite(NewInstance Instance) : StoreWrite;
