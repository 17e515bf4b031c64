using Orchestrator.Core.History;

namespace Orchestrator.Core.Internal;

/// <summary>What one turn recorded and produced.</summary>
/// <param name="NewEvents">Events to append to history, in order.</param>
/// <param name="Scheduled">Activities, timers and sub-workflows opened this turn.</param>
/// <param name="Applied">Inbound events the turn consumed.</param>
/// <param name="Deferred">Inbound events kept for later (the instance is suspended).</param>
internal sealed record TurnOutput(
    IReadOnlyList<HistoryEvent> NewEvents,
    IReadOnlyList<OpenTask> Scheduled,
    IReadOnlyList<HistoryEvent> Applied,
    IReadOnlyList<HistoryEvent> Deferred);
