namespace Orchestrator.Core;

/// <summary>Thrown by an activity to say that retrying cannot help; the retry policy is skipped.</summary>
public class NonRetriableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public NonRetriableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public NonRetriableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public NonRetriableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
