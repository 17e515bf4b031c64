namespace Orchestrator.Agents.Internal.Loop;

/// <summary>Which tools an agent may use (registry names and <c>agent:&lt;name&gt;</c> hand-offs).</summary>
internal sealed record AgentToolsRequest(IReadOnlyList<string> Tools);
