namespace Orchestrator.Agents;

/// <summary>When a tool call needs approval.</summary>
public enum ApprovalMode
{
    /// <summary>Never.</summary>
    Never,

    /// <summary>Every call.</summary>
    Always,

    /// <summary>When the rule's condition over the arguments holds.</summary>
    When,
}
