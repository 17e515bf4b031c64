using System.Text.Json;
using Orchestrator.Agents.Models;
using Orchestrator.Agents.Tools;
using Orchestrator.Core;

namespace Orchestrator.Agents.Internal.Loop;

/// <summary>
/// Looks up the agent's tools and their schemas once per run (MCP discovery is I/O, so it is a recorded step:
/// the run replays with the same tool list even if a server changed meanwhile). The specs carry the registered names;
/// the model call spells them for the provider (see <c>ModelToolNames</c>).
/// </summary>
[Activity(AgentWorkflow.ListToolsActivity)]
internal sealed class ListAgentToolsActivity(IToolRegistry registry, AgentCatalog agents) : Activity<AgentToolsRequest, List<ModelToolSpec>>
{
    private static readonly JsonElement HandOffSchema = JsonDocument.Parse(
        """{"type":"object","properties":{"input":{"type":"string","description":"The task for the other agent."}},"required":["input"]}""").RootElement.Clone();

    public override async Task<List<ModelToolSpec>> RunAsync(ActivityContext context, AgentToolsRequest input)
    {
        var specs = new List<ModelToolSpec>();
        foreach (var name in input.Tools)
        {
            if (name.StartsWith(AgentWorkflow.HandOffPrefix, StringComparison.Ordinal))
            {
                var other = agents.Find(name[AgentWorkflow.HandOffPrefix.Length..])
                    ?? throw new ToolNotFoundException($"Agent '{name[AgentWorkflow.HandOffPrefix.Length..]}' is not registered (AddAgents(...).AddAgent).");
                specs.Add(new ModelToolSpec(name, other.Description ?? $"Hand the task to the agent '{other.Name}'.", HandOffSchema));
                continue;
            }

            var tool = await registry.FindAsync(name, context.CancellationToken)
                ?? throw new ToolNotFoundException($"The agent lists the tool '{name}', but no tool has that name.");
            specs.Add(new ModelToolSpec(name, tool.Description, tool.Parameters));
        }

        return specs;
    }
}
