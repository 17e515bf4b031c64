namespace Orchestrator.Agents.Tools;

/// <summary>
/// Every tool this process can call, in one name space: C# methods marked <see cref="ToolAttribute"/>, HTTP tools
/// from <c>Orchestrator:Tools:Http:Endpoints</c>, and the tools of the MCP servers in <c>Orchestrator:Tools:Mcp</c>
/// (named <c>mcp:&lt;server&gt;.&lt;tool&gt;</c>, discovered when first asked for).
/// </summary>
public interface IToolRegistry
{
    /// <summary>All tools, by name. An MCP server that cannot be reached is left out (and logged as a warning).</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The tools, ordered by name.</returns>
    Task<IReadOnlyList<ToolDescriptor>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// One tool, or null when no tool has that name. Asking for an MCP tool connects to its server if needed; a server
    /// that cannot be reached throws <see cref="ToolUnavailableException"/> rather than answering null.
    /// </summary>
    /// <param name="name">The tool name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The tool.</returns>
    Task<ToolDescriptor?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls a tool; the result is JSON text. Throws <see cref="ToolNotFoundException"/>, <see cref="ToolArgumentsException"/>
    /// (before the tool runs), <see cref="ToolEgressDeniedException"/>, <see cref="ToolCallFailedException"/>,
    /// <see cref="ToolUnavailableException"/>, or a C# tool's own exception.
    /// </summary>
    /// <param name="name">The tool name.</param>
    /// <param name="argumentsJson">The arguments as JSON text (an object; null or empty means none).</param>
    /// <param name="context">Idempotency key and principal pair.</param>
    /// <returns>The result as JSON text.</returns>
    Task<string> InvokeAsync(string name, string? argumentsJson, ToolInvocationContext context);
}
