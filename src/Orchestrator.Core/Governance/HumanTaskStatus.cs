namespace Orchestrator.Core.Governance;

/// <summary>Where a human task stands.</summary>
public enum HumanTaskStatus
{
    /// <summary>Waiting for a decision.</summary>
    Pending,

    /// <summary>Approved by an assignee (or by the timeout rule).</summary>
    Approved,

    /// <summary>Rejected by an assignee (or by the timeout rule).</summary>
    Rejected,

    /// <summary>Nobody decided in time.</summary>
    Expired,

    /// <summary>
    /// Withdrawn by the workflow that asked: it no longer waits for the answer (e.g. another branch of a flow won the
    /// race to a join, or the flow finished).
    /// </summary>
    Withdrawn,
}
