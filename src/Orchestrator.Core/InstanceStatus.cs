namespace Orchestrator.Core;

/// <summary>The runtime status of a workflow instance. The names are part of the HTTP contract.</summary>
public enum InstanceStatus
{
    /// <summary>Created, not yet started by the engine.</summary>
    Pending,

    /// <summary>Started and not finished (including waiting for a timer, event or person).</summary>
    Running,

    /// <summary>Paused by an operator; events are kept until it is resumed.</summary>
    Suspended,

    /// <summary>Finished with a result.</summary>
    Completed,

    /// <summary>Finished with an error; may be restarted from the failed step.</summary>
    Failed,

    /// <summary>Stopped by an operator.</summary>
    Terminated,
}
