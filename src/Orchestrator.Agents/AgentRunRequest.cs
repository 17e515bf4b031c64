namespace Orchestrator.Agents;

/// <summary>The input of one agent run (the child instance's input).</summary>
/// <param name="Agent">The agent.</param>
/// <param name="Input">The task for the agent, as text or JSON text.</param>
/// <param name="History">Earlier conversation to continue from (memory), if any.</param>
public sealed record AgentRunRequest(AgentDefinition Agent, string Input, IReadOnlyList<Models.ModelMessage>? History = null);
