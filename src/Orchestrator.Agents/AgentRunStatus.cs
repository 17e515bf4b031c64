namespace Orchestrator.Agents;

/// <summary>How an agent run ended.</summary>
public enum AgentRunStatus
{
    /// <summary>The model gave a final answer.</summary>
    Completed,

    /// <summary>It used all its turns.</summary>
    MaxTurnsReached,

    /// <summary>It used its token budget.</summary>
    MaxTokensReached,

    /// <summary>It used its cost budget.</summary>
    MaxCostReached,

    /// <summary>Its deadline passed.</summary>
    DeadlineReached,

    /// <summary>Its final answer did not match the output schema, even after repair prompts.</summary>
    InvalidOutput,
}
