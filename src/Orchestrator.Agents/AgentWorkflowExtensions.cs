using Orchestrator.Agents.Internal.Loop;
using Orchestrator.Agents.Models;
using Orchestrator.Core;

namespace Orchestrator.Agents;

/// <summary>Running agents from workflow code.</summary>
public static class AgentWorkflowExtensions
{
    /// <summary>The workflow every agent run is an instance of; such an instance carries the tag <c>agent=&lt;name&gt;</c>.</summary>
    public const string AgentWorkflowName = "orchestrator.agent";

    /// <summary>
    /// Runs an agent as its own durable child instance (visible on its own, tagged <c>agent=&lt;name&gt;</c>): model turn,
    /// tool calls (in parallel when the model asks for several), approvals where the agent's rules say so, next turn,
    /// until a final answer or a limit. Every turn and tool call is a checkpointed step.
    /// </summary>
    /// <param name="ctx">The workflow context.</param>
    /// <param name="agent">The agent.</param>
    /// <param name="input">The task: text, or any object (sent as JSON).</param>
    /// <param name="history">Earlier conversation to continue (memory).</param>
    /// <param name="instanceId">The child's instance id; by default derived from the parent's.</param>
    /// <returns>How the run ended, the answer, turns, tool calls, tokens and cost.</returns>
    public static Task<AgentRunResult> RunAgentAsync(
        this WorkflowContext ctx, AgentDefinition agent, object input, IReadOnlyList<ModelMessage>? history = null, string? instanceId = null)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        ArgumentNullException.ThrowIfNull(agent);
        var text = input as string ?? OrchestratorJson.Serialize(input) ?? string.Empty;
        return ctx.CallSubWorkflowAsync<AgentRunResult>(
            AgentWorkflow.Name,
            new AgentRunRequest(agent, text, history),
            new SubWorkflowOptions
            {
                InstanceId = instanceId,
                Agent = agent.Name,
                Tags = new Dictionary<string, string> { ["agent"] = agent.Name },
            });
    }
}
