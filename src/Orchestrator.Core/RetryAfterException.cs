namespace Orchestrator.Core;

/// <summary>
/// Thrown by an activity when the system it called asked to be retried later (e.g. HTTP 429 with Retry-After).
/// The retry policy still decides whether to retry; the next attempt waits at least <see cref="RetryAfter"/>.
/// </summary>
public class RetryAfterException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RetryAfterException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What the called system said.</param>
    public RetryAfterException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What the called system said.</param>
    /// <param name="innerException">The cause.</param>
    public RetryAfterException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the requested delay.</summary>
    /// <param name="message">What the called system said.</param>
    /// <param name="retryAfter">How long it asked to wait.</param>
    /// <param name="innerException">The cause.</param>
    public RetryAfterException(string message, TimeSpan retryAfter, Exception? innerException = null)
        : base(message, innerException)
    {
        RetryAfter = retryAfter;
    }

    /// <summary>How long the called system asked to wait before the next attempt.</summary>
    public TimeSpan RetryAfter { get; }
}
