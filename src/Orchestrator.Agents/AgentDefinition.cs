using System.Text.Json;

namespace Orchestrator.Agents;

/// <summary>
/// An agent: a model with instructions, tools and limits, run as a durable loop (model turn, tool calls, approvals,
/// next turn) by <c>ctx.RunAgentAsync</c>. Every turn and tool call is a checkpointed step.
/// </summary>
public sealed record AgentDefinition
{
    /// <summary>The agent's name (its identity in history, audit and usage).</summary>
    public required string Name { get; init; }

    /// <summary>What the agent is for, shown when it is offered to another agent as a tool.</summary>
    public string? Description { get; init; }

    /// <summary>
    /// The system instructions, with the placeholders <c>{{ input }}</c> (the agent's input) and <c>{{ agent }}</c> (its
    /// name) filled in; other <c>{{ … }}</c> stay as written. At most 4 MiB of characters once filled.
    /// </summary>
    public required string Instructions { get; init; }

    /// <summary>The configured model name; null for <c>default</c>.</summary>
    public string? Model { get; init; }

    /// <summary>Tool names (registry tools, or <c>agent:&lt;name&gt;</c> to hand off to another registered agent).</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Per-tool approval rules; tools not listed never need approval.</summary>
    public IReadOnlyDictionary<string, ToolApprovalRule> Approvals { get; init; } = new Dictionary<string, ToolApprovalRule>();

    /// <summary>When the run must stop.</summary>
    public AgentLimits Limits { get; init; } = new();

    /// <summary>A JSON schema the final answer must follow; the answer is then returned as JSON.</summary>
    public JsonElement? OutputSchema { get; init; }

    /// <summary>Sampling temperature.</summary>
    public float? Temperature { get; init; }

    /// <summary>Stream the model's tokens to watchers.</summary>
    public bool Stream { get; init; }
}
