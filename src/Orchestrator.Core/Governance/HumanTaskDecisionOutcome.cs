namespace Orchestrator.Core.Governance;

/// <summary>What a decision attempt did.</summary>
public enum HumanTaskDecisionOutcome
{
    /// <summary>The decision was recorded and sent to the waiting instance.</summary>
    Decided,

    /// <summary>No such task.</summary>
    NotFound,

    /// <summary>The caller is not an assignee.</summary>
    Forbidden,

    /// <summary>The task was already decided or has expired.</summary>
    Conflict,
}
