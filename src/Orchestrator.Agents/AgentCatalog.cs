namespace Orchestrator.Agents;

/// <summary>Agents registered by name, so one agent can hand off to another (<c>agent:&lt;name&gt;</c> in its tools).</summary>
public sealed class AgentCatalog
{
    private readonly Dictionary<string, AgentDefinition> _agents = new(StringComparer.Ordinal);

    /// <summary>Every registered agent.</summary>
    public IEnumerable<AgentDefinition> All => _agents.Values.OrderBy(a => a.Name, StringComparer.Ordinal);

    /// <summary>Registers (or replaces) an agent.</summary>
    /// <param name="agent">The agent.</param>
    public void Add(AgentDefinition agent)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentException.ThrowIfNullOrWhiteSpace(agent.Name);
        _agents[agent.Name] = agent;
    }

    /// <summary>One agent, or null.</summary>
    /// <param name="name">The agent's name.</param>
    /// <returns>The agent.</returns>
    public AgentDefinition? Find(string name) => _agents.GetValueOrDefault(name);
}
