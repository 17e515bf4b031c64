using ModelContextProtocol.Client;
using Orchestrator.Agents.Tools;

namespace Orchestrator.Agents.Internal.Tools;

/// <summary>A live connection to an MCP server and the tools it listed when it was made, by the server's tool name.</summary>
/// <param name="Client">The client.</param>
/// <param name="Tools">The tools, keyed by the server's own name (without <c>mcp:&lt;server&gt;.</c>).</param>
/// <param name="Secrets">The secrets a stdio server was started with (its environment), cut out of its answers; null over HTTP.</param>
internal sealed record McpServerSession(McpClient Client, IReadOnlyDictionary<string, ToolDescriptor> Tools, ToolSecrets? Secrets)
{
    /// <summary>False once the process exited or the HTTP session ended; the next use connects again.</summary>
    public bool IsLive => !Client.Completion.IsCompleted;
}
