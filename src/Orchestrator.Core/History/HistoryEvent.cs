using System.Text.Json.Serialization;

namespace Orchestrator.Core.History;

/// <summary>
/// One entry of an instance's append-only history, in the Durable Task vocabulary.
/// </summary>
/// <remarks>
/// Events created from a workflow action (<see cref="TaskScheduled"/>, <see cref="TimerCreated"/>,
/// <see cref="SubOrchestrationInstanceCreated"/>, <see cref="EventSent"/>, <see cref="ExecutionCompleted"/>)
/// carry the action's id as <see cref="EventId"/>; inbound events carry -1 and refer back to the action
/// through their own id field. Payloads are JSON text. Some events only tell people what happened and are skipped by
/// replay: <see cref="TaskAttemptFailed"/> (a failed attempt that was retried), <see cref="TimerCancelled"/> (a timer the
/// workflow no longer waits for) and <see cref="EventWaitStarted"/> (what the workflow waits for, until when).
/// </remarks>
/// <param name="EventId">The action id for action events, -1 for inbound events.</param>
/// <param name="Timestamp">When the event was recorded (UTC).</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(ExecutionStarted), "executionStarted")]
[JsonDerivedType(typeof(ExecutionCompleted), "executionCompleted")]
[JsonDerivedType(typeof(ExecutionTerminated), "executionTerminated")]
[JsonDerivedType(typeof(ExecutionSuspended), "executionSuspended")]
[JsonDerivedType(typeof(ExecutionResumed), "executionResumed")]
[JsonDerivedType(typeof(ExecutionRewound), "executionRewound")]
[JsonDerivedType(typeof(TaskScheduled), "taskScheduled")]
[JsonDerivedType(typeof(TaskCompleted), "taskCompleted")]
[JsonDerivedType(typeof(TaskFailed), "taskFailed")]
[JsonDerivedType(typeof(TaskAttemptFailed), "taskAttemptFailed")]
[JsonDerivedType(typeof(SubOrchestrationInstanceCreated), "subOrchestrationInstanceCreated")]
[JsonDerivedType(typeof(SubOrchestrationInstanceCompleted), "subOrchestrationInstanceCompleted")]
[JsonDerivedType(typeof(SubOrchestrationInstanceFailed), "subOrchestrationInstanceFailed")]
[JsonDerivedType(typeof(TimerCreated), "timerCreated")]
[JsonDerivedType(typeof(TimerFired), "timerFired")]
[JsonDerivedType(typeof(TimerCancelled), "timerCancelled")]
[JsonDerivedType(typeof(EventWaitStarted), "eventWaitStarted")]
[JsonDerivedType(typeof(OrchestratorStarted), "orchestratorStarted")]
[JsonDerivedType(typeof(EventSent), "eventSent")]
[JsonDerivedType(typeof(EventRaised), "eventRaised")]
[JsonDerivedType(typeof(GenericEvent), "genericEvent")]
[JsonDerivedType(typeof(ContinueAsNew), "continueAsNew")]
public abstract record HistoryEvent(int EventId, DateTime Timestamp);
