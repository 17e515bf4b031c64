using Orchestrator.Core;

namespace Orchestrator.Agents.Models;

/// <summary>The model's answer did not match the requested JSON schema, even after repair prompts.</summary>
public sealed class ModelOutputException : NonRetriableException
{
    /// <summary>Creates the exception.</summary>
    public ModelOutputException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">The message.</param>
    public ModelOutputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelOutputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
