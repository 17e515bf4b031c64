using Orchestrator.Core;

namespace Orchestrator.Agents.Tools;

/// <summary>
/// An outgoing request (an HTTP tool, a flow's HTTP node, an MCP server over HTTP) would have gone to a host, port or
/// address outside <c>Orchestrator:Tools:Http:AllowedHosts</c>; the message says which rule to add. Retrying cannot help.
/// </summary>
public sealed class ToolEgressDeniedException : NonRetriableException
{
    /// <summary>Creates the exception.</summary>
    public ToolEgressDeniedException()
    {
    }

    /// <summary>Creates the exception with a message a person (or a model) can act on.</summary>
    /// <param name="message">The message.</param>
    public ToolEgressDeniedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ToolEgressDeniedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
