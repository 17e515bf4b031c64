using Orchestrator.Agents;
using Orchestrator.Core;

namespace Orchestrator.Flows.Runtime;

/// <summary>
/// Looks up a registered agent for an <c>Orchestrator.Agent</c> node. A recorded step, so an instance keeps the
/// definition it started the agent with even if the configuration changes before it replays.
/// </summary>
[Activity(Name)]
internal sealed class ResolveAgentActivity(AgentCatalog agents) : Activity<string, AgentDefinition>
{
    public const string Name = "flow.resolve-agent";

    public override Task<AgentDefinition> RunAsync(ActivityContext context, string input) =>
        agents.Find(input) is { } agent
            ? Task.FromResult(agent)
            : throw new NonRetriableException(
                $"No agent is registered under the name '{input}'. Registered: {string.Join(", ", agents.All.Select(a => a.Name).DefaultIfEmpty("none"))}.");
}
