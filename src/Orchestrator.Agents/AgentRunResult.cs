using System.Text.Json;
using Orchestrator.Agents.Models;

namespace Orchestrator.Agents;

/// <summary>The outcome of an agent run.</summary>
/// <param name="Agent">The agent.</param>
/// <param name="Status">How it ended; anything but Completed names the limit that stopped it.</param>
/// <param name="Output">The final answer's text (the last text the model produced when a limit stopped it).</param>
/// <param name="StructuredOutput">The final answer as JSON when the agent has an output schema.</param>
/// <param name="Turns">Model turns taken.</param>
/// <param name="ToolCalls">Tool calls made.</param>
/// <param name="Usage">Tokens over the run (this agent's own calls).</param>
/// <param name="CostUsd">Cost over the run.</param>
/// <param name="Reason">Why it stopped, in words.</param>
public sealed record AgentRunResult(
    string Agent,
    AgentRunStatus Status,
    string? Output,
    JsonElement? StructuredOutput,
    int Turns,
    int ToolCalls,
    TokenUsage Usage,
    decimal CostUsd,
    string Reason);
