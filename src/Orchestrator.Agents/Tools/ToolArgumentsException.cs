using Orchestrator.Core;

namespace Orchestrator.Agents.Tools;

/// <summary>The arguments are not valid JSON or do not match the tool's schema. Retrying cannot help.</summary>
public sealed class ToolArgumentsException : NonRetriableException
{
    /// <summary>Creates the exception.</summary>
    public ToolArgumentsException()
    {
    }

    /// <summary>Creates the exception with a message a person (or a model) can act on.</summary>
    /// <param name="message">The message.</param>
    public ToolArgumentsException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ToolArgumentsException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
