using Orchestrator.Core;

namespace Orchestrator.Agents.Tools;

/// <summary>No tool has the given name. Retrying cannot help.</summary>
public sealed class ToolNotFoundException : NonRetriableException
{
    /// <summary>Creates the exception.</summary>
    public ToolNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message a person (or a model) can act on.</summary>
    /// <param name="message">The message.</param>
    public ToolNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ToolNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
