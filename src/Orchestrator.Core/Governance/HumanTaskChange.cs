namespace Orchestrator.Core.Governance;

/// <summary>A committed change of a human task, as seen by watchers (e.g. the approvals event stream).</summary>
/// <param name="Kind">What happened.</param>
/// <param name="Task">The task as it is after the change.</param>
public sealed record HumanTaskChange(HumanTaskChangeKind Kind, HumanTask Task);
