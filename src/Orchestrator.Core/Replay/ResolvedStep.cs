using Orchestrator.Core.History;

namespace Orchestrator.Core.Replay;

/// <summary>A step that finished in a turn: the action that opened it and the event that finished it.</summary>
/// <param name="Action"><see cref="TaskScheduled"/>, <see cref="TimerCreated"/> or <see cref="SubOrchestrationInstanceCreated"/>.</param>
/// <param name="Result">The completion, failure or timer event.</param>
internal sealed record ResolvedStep(HistoryEvent Action, HistoryEvent Result);
