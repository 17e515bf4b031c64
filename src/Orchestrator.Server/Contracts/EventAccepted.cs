namespace Orchestrator.Server.Contracts;

/// <summary>The answer of a raised event.</summary>
/// <param name="InstanceId">The receiving instance.</param>
/// <param name="Event">The event name.</param>
internal sealed record EventAccepted(string InstanceId, string Event);
