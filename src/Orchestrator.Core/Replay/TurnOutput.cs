using Orchestrator.Core.Governance;
using Orchestrator.Core.History;

namespace Orchestrator.Core.Replay;

/// <summary>What one turn recorded and produced.</summary>
/// <param name="NewEvents">Events to append to history, in order.</param>
/// <param name="Scheduled">Activities, timers and sub-workflows opened this turn.</param>
/// <param name="Applied">Inbound events the turn consumed.</param>
/// <param name="Deferred">Inbound events kept for later (the instance is suspended).</param>
/// <param name="Resolved">Each step the turn finished: the action that opened it and the event that finished it.</param>
/// <param name="Audit">Audit records the workflow code made this turn (never while replaying).</param>
internal sealed record TurnOutput(
    IReadOnlyList<HistoryEvent> NewEvents,
    IReadOnlyList<OpenTask> Scheduled,
    IReadOnlyList<HistoryEvent> Applied,
    IReadOnlyList<HistoryEvent> Deferred,
    IReadOnlyList<ResolvedStep> Resolved,
    IReadOnlyList<AuditEntry> Audit);
