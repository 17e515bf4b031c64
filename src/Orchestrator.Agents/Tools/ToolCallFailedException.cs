using Orchestrator.Core;

namespace Orchestrator.Agents.Tools;

/// <summary>
/// The tool answered, and its answer is an error that the same call cannot fix by being repeated: an HTTP tool's 4xx
/// (or an unfollowed redirect), an MCP tool's result with <c>isError</c>, or an MCP server refusing the request.
/// Retrying cannot help.
/// </summary>
public sealed class ToolCallFailedException : NonRetriableException
{
    /// <summary>Creates the exception.</summary>
    public ToolCallFailedException()
    {
    }

    /// <summary>Creates the exception with a message a person (or a model) can act on.</summary>
    /// <param name="message">The message, with the tool's own error text.</param>
    public ToolCallFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ToolCallFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
