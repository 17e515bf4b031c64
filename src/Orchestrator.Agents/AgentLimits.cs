namespace Orchestrator.Agents;

/// <summary>Bounds on one agent run; reaching one ends the run with a status that says which.</summary>
public sealed record AgentLimits
{
    /// <summary>The most model turns. Default 10.</summary>
    public int MaxTurns { get; init; } = 10;

    /// <summary>The most tokens (input + output) over the run.</summary>
    public long? MaxTokens { get; init; }

    /// <summary>The most cost in US dollars over the run.</summary>
    public decimal? MaxCostUsd { get; init; }

    /// <summary>How long the run may take (durable time).</summary>
    public TimeSpan? Deadline { get; init; }

    /// <summary>Longest tool error text handed back to the model. Default 2,000 characters.</summary>
    public int MaxToolErrorLength { get; init; } = 2000;
}
