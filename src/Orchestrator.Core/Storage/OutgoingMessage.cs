using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>An event for another instance's inbox.</summary>
/// <param name="InstanceId">The receiving instance.</param>
/// <param name="Event">The event.</param>
public sealed record OutgoingMessage(string InstanceId, HistoryEvent Event);
