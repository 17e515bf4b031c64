using Orchestrator.Core.History;

namespace Orchestrator.Core.Storage;

/// <summary>
/// Appends an event to an instance's inbox (external event, operation).
/// Unknown instance: <see cref="WriteOutcome.NotFound"/>; finished instance: <see cref="WriteOutcome.Conflict"/>
/// unless <paramref name="AllowFinished"/> (used by restart).
/// </summary>
/// <param name="InstanceId">The receiving instance.</param>
/// <param name="Event">The event.</param>
/// <param name="AllowFinished">Whether a finished instance may receive it.</param>
public sealed record EnqueueWrite(string InstanceId, HistoryEvent Event, bool AllowFinished = false) : StoreWrite;
