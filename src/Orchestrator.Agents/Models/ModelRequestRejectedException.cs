using Orchestrator.Core;

namespace Orchestrator.Agents.Models;

/// <summary>The provider rejected the request (4xx other than 408/429): retrying the same request cannot help.</summary>
public sealed class ModelRequestRejectedException : NonRetriableException
{
    /// <summary>Creates the exception.</summary>
    public ModelRequestRejectedException()
    {
    }

    /// <summary>Creates the exception with the provider's message.</summary>
    /// <param name="message">The message.</param>
    public ModelRequestRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the provider's message and the cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelRequestRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
