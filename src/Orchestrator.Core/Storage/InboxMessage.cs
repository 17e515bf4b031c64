using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>An event waiting in an instance's inbox.</summary>
/// <param name="Id">The message id (increasing in arrival order).</param>
/// <param name="InstanceId">The instance.</param>
/// <param name="Event">The event.</param>
public sealed record InboxMessage(long Id, string InstanceId, HistoryEvent Event);
