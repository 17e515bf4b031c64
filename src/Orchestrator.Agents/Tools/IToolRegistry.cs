namespace Orchestrator.Agents.Tools;

/// <summary>Every tool this process can call (C# methods, HTTP tools from configuration, MCP servers' tools), in one name space.</summary>
public interface IToolRegistry
{
    /// <summary>All tools, by name.</summary>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The tools.</returns>
    Task<IReadOnlyList<ToolDescriptor>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One tool, or null when no tool has that name.</summary>
    /// <param name="name">The tool name.</param>
    /// <param name="cancellationToken">Cancellation.</param>
    /// <returns>The tool.</returns>
    Task<ToolDescriptor?> FindAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Calls a tool; the result is JSON text. Throws <see cref="ToolNotFoundException"/>, <see cref="ToolArgumentsException"/>, or the tool's own error.</summary>
    /// <param name="name">The tool name.</param>
    /// <param name="argumentsJson">The arguments as JSON text (an object).</param>
    /// <param name="context">Idempotency key and principal pair.</param>
    /// <returns>The result as JSON text.</returns>
    Task<string> InvokeAsync(string name, string? argumentsJson, ToolInvocationContext context);
}
