namespace Orchestrator.Core;

/// <summary>Named places in the engine where a test can inject a crash.</summary>
public enum FaultPoint
{
    /// <summary>Right after a turn's history was committed, before anything is dispatched.</summary>
    AfterHistoryCommit,

    /// <summary>Just before a committed activity call is handed to a worker.</summary>
    BeforeDispatch,

    /// <summary>Inside an activity, after its code ran and before its result is handed back.</summary>
    InsideActivity,

    /// <summary>Before a turn that applies results (activity, timer, event) is committed.</summary>
    BeforeCompletionCommit,
}
