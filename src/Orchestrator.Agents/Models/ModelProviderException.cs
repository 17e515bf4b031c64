namespace Orchestrator.Agents.Models;

/// <summary>The model provider failed in a way that may pass (5xx, timeout, malformed output): the step's retry policy applies.</summary>
public sealed class ModelProviderException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ModelProviderException()
    {
    }

    /// <summary>Creates the exception with the provider's message.</summary>
    /// <param name="message">The message.</param>
    public ModelProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the provider's message and the cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ModelProviderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
