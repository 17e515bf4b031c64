using System.Reflection;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents;

/// <summary>Registers agents and C# tools; returned by <c>AddAgents</c>.</summary>
public sealed class AgentsBuilder
{
    private readonly ToolsBuilder _tools;

    internal AgentsBuilder(ToolsBuilder tools, AgentCatalog agents)
    {
        _tools = tools;
        Agents = agents;
    }

    /// <summary>The registered agents (for hand-offs by name).</summary>
    public AgentCatalog Agents { get; }

    /// <summary>Registers an agent so others can hand off to it as <c>agent:&lt;name&gt;</c>.</summary>
    /// <param name="agent">The agent.</param>
    /// <returns>This builder.</returns>
    public AgentsBuilder AddAgent(AgentDefinition agent)
    {
        Agents.Add(agent);
        return this;
    }

    /// <summary>Registers the <see cref="ToolAttribute"/> methods of a class as tools.</summary>
    /// <typeparam name="T">The class.</typeparam>
    /// <returns>This builder.</returns>
    public AgentsBuilder AddTools<T>()
        where T : class
    {
        _tools.AddTools<T>();
        return this;
    }

    /// <summary>Registers every <see cref="ToolAttribute"/> method of the classes in an assembly.</summary>
    /// <param name="assembly">The assembly.</param>
    /// <returns>This builder.</returns>
    public AgentsBuilder AddToolsFrom(Assembly assembly)
    {
        _tools.AddToolsFrom(assembly);
        return this;
    }
}
