using Orchestrator.Core.History;

namespace Orchestrator.Core.Runtime;

/// <summary>An event waiting to be applied to an instance, with the durable item it came from.</summary>
/// <param name="Event">The event.</param>
/// <param name="InboxId">The inbox message id, or 0 when it did not come from the inbox.</param>
/// <param name="ExecutionId">For activity results and timers: the generation they belong to.</param>
internal sealed record PendingEvent(HistoryEvent Event, long InboxId = 0, string? ExecutionId = null);
