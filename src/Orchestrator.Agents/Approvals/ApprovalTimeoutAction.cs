namespace Orchestrator.Agents.Approvals;

/// <summary>What happens when nobody decides in time.</summary>
public enum ApprovalTimeoutAction
{
    /// <summary>Treat it as rejected.</summary>
    Reject,

    /// <summary>Treat it as approved.</summary>
    Approve,

    /// <summary>Hand it to <see cref="ApprovalRequest.EscalateTo"/> for another period.</summary>
    Escalate,
}
