using Orchestrator.Core;

namespace Orchestrator.Agents.Tools;

/// <summary>An HTTP tool tried to reach a host outside Orchestrator:Tools:Http:AllowedHosts. Retrying cannot help.</summary>
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
