namespace Orchestrator.Core;

/// <summary>A failure as recorded in history: what kind of error, its message, and where it came from.</summary>
/// <param name="ErrorType">The error's type name (an exception type, or a code such as <c>NonDeterministicWorkflow</c>).</param>
/// <param name="ErrorMessage">A message a person can act on.</param>
/// <param name="StackTrace">Where it happened, when known.</param>
/// <param name="InnerFailure">The failure that caused this one, when there is one.</param>
/// <param name="IsNonRetriable">True when retrying cannot help.</param>
public sealed record FailureDetails(
    string ErrorType,
    string ErrorMessage,
    string? StackTrace = null,
    FailureDetails? InnerFailure = null,
    bool IsNonRetriable = false)
{
    /// <summary>Captures an exception, with its inner exception chain.</summary>
    /// <param name="exception">The exception to record.</param>
    /// <returns>The failure details.</returns>
    public static FailureDetails FromException(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new FailureDetails(
            exception.GetType().FullName ?? exception.GetType().Name,
            exception.Message,
            exception.StackTrace,
            exception.InnerException is null ? null : FromException(exception.InnerException),
            exception is NonRetriableException);
    }

    /// <summary>True when this failure, or one it wraps, is of the given type name (full or short).</summary>
    /// <param name="typeName">The type name to look for.</param>
    /// <returns>Whether the failure matches.</returns>
    public bool IsCausedBy(string typeName)
    {
        for (var f = this; f is not null; f = f.InnerFailure)
        {
            if (f.ErrorType == typeName || f.ErrorType.EndsWith("." + typeName, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
