namespace Orchestrator.Agents.Models;

/// <summary>
/// The model provider failed in a way that may pass: a server error (5xx), a request timeout (408 or the client's
/// timeout), an unreachable endpoint, or an answer that is not valid JSON. The step's retry policy applies.
/// </summary>
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
