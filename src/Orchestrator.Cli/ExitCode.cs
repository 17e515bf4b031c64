namespace Orchestrator.Cli;

/// <summary>
/// Process exit codes of <c>orch</c>. Scripts branch on these numbers, so a value never changes meaning.
/// </summary>
internal enum ExitCode
{
    /// <summary>The command succeeded; for a watch, the instance Completed.</summary>
    Ok = 0,

    /// <summary>The server answered with an error, or something unexpected happened.</summary>
    Error = 1,

    /// <summary>Bad arguments, or invalid JSON in <c>--input</c> / <c>--data</c> / <c>--edits</c>.</summary>
    Usage = 2,

    /// <summary>The server answered 404.</summary>
    NotFound = 3,

    /// <summary>The server answered 409: the operation is not allowed in the current state (e.g. an approval already decided).</summary>
    Conflict = 4,

    /// <summary>The server answered 401 or 403.</summary>
    Unauthorized = 5,

    /// <summary>The server could not be reached or did not answer in time.</summary>
    Unreachable = 6,

    /// <summary>The watched instance ended Failed.</summary>
    InstanceFailed = 10,

    /// <summary>The watched instance ended Terminated.</summary>
    InstanceTerminated = 11,

    /// <summary><c>orch audit --verify</c> found the audit trail's hash chain broken.</summary>
    AuditChainBroken = 12,

    /// <summary>The user interrupted the command (Ctrl+C), following the shell's 128 + SIGINT convention.</summary>
    Cancelled = 130,
}
