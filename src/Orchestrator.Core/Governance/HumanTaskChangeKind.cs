namespace Orchestrator.Core.Governance;

/// <summary>What happened to a human task.</summary>
public enum HumanTaskChangeKind
{
    /// <summary>The task was created and waits for a decision.</summary>
    Created,

    /// <summary>The task left Pending: a person approved or rejected it, or a timeout rule resolved it.</summary>
    Decided,

    /// <summary>The task is still pending but changed: it was escalated to new assignees or a new due time.</summary>
    Updated,
}
