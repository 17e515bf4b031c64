using Orchestrator.Agents;

namespace Orchestrator.Workflows.SupportTriage;

/// <summary>How a support conversation went.</summary>
public sealed record SupportConversation(string Customer, IReadOnlyList<string> Replies, int AgentRuns, decimal CostUsd, AgentRunStatus LastStatus);
