namespace Orchestrator.Server.Contracts;

/// <summary>Model token use and cost of an instance.</summary>
/// <param name="InputTokens">Prompt tokens.</param>
/// <param name="OutputTokens">Completion tokens.</param>
/// <param name="CostUsd">Cost in US dollars.</param>
internal sealed record UsageInfo(long InputTokens, long OutputTokens, decimal CostUsd)
{
    /// <summary>No model use.</summary>
    public static UsageInfo None { get; } = new(0, 0, 0m);
}
