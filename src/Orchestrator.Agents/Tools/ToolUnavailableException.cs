using Orchestrator.Core;

namespace Orchestrator.Agents.Tools;

/// <summary>
/// The tool could not serve the call right now: an HTTP tool's 408, 429 or 5xx, a connection failure, or an MCP
/// server that cannot be reached. A retry policy the caller opted into retries it (with the same idempotency key),
/// waiting at least <see cref="RetryAfterException.RetryAfter"/> when the tool asked for a delay.
/// </summary>
public sealed class ToolUnavailableException : RetryAfterException
{
    /// <summary>Creates the exception.</summary>
    public ToolUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">The message.</param>
    public ToolUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ToolUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with the delay the tool asked for.</summary>
    /// <param name="message">The message.</param>
    /// <param name="retryAfter">How long the tool asked to wait (e.g. HTTP <c>Retry-After</c>).</param>
    /// <param name="innerException">The cause, if any.</param>
    public ToolUnavailableException(string message, TimeSpan retryAfter, Exception? innerException = null)
        : base(message, retryAfter, innerException)
    {
    }
}
