using System.Text.Json;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents.Internal.Loop;

/// <summary>The running totals of one agent run and the limits they are checked against.</summary>
internal sealed class AgentRun(AgentDefinition agent, DateTime startedAt)
{
    private string? _lastText;

    public int Turns { get; private set; }

    public int ToolCalls { get; set; }

    public TokenUsage Usage { get; private set; } = TokenUsage.Zero;

    public decimal CostUsd { get; private set; }

    public void CountTurn(ModelResponse response)
    {
        Turns++;
        Usage = Usage.Add(response.Usage);
        CostUsd += response.CostUsd;
        _lastText = response.Message.Content ?? _lastText;
    }

    public (AgentRunStatus Status, string Reason)? LimitReached(DateTime now)
    {
        var limits = agent.Limits;
        if (Turns >= limits.MaxTurns)
        {
            return (AgentRunStatus.MaxTurnsReached, $"The agent used all {limits.MaxTurns} turns without a final answer.");
        }

        if (limits.MaxTokens is { } maxTokens && Usage.Total >= maxTokens)
        {
            return (AgentRunStatus.MaxTokensReached, $"The agent used {Usage.Total:N0} tokens; its limit is {maxTokens:N0}.");
        }

        if (limits.MaxCostUsd is { } maxCost && CostUsd >= maxCost)
        {
            return (AgentRunStatus.MaxCostReached, $"The agent spent ${CostUsd:0.####}; its limit is ${maxCost:0.####}.");
        }

        if (limits.Deadline is { } deadline && now - startedAt >= deadline)
        {
            return (AgentRunStatus.DeadlineReached, $"The agent's deadline of {deadline} passed.");
        }

        return null;
    }

    public AgentRunResult Result(AgentRunStatus status, string reason, JsonElement? structured = null) =>
        new(agent.Name, status, _lastText, structured, Turns, ToolCalls, Usage, CostUsd, reason);
}
