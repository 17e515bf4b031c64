using Orchestrator.Core;

namespace Orchestrator.Agents.Models;

/// <summary>A step needs a model that is not configured; the message names the configuration keys to set.</summary>
public sealed class ModelNotConfiguredException : NonRetriableException
{
    /// <summary>Creates the exception.</summary>
    public ModelNotConfiguredException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">The message.</param>
    public ModelNotConfiguredException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelNotConfiguredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
