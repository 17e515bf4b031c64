namespace Orchestrator.Core.Client;

/// <summary>
/// A workflow was given input that does not fit its input type (or its declared inputs). Thrown at start, before
/// anything is written; the message names the field (<see cref="Path"/>) and what it must be.
/// </summary>
public sealed class WorkflowInputException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public WorkflowInputException()
    {
    }

    /// <summary>Creates the exception with a message that names the field and what it must be.</summary>
    /// <param name="message">The message.</param>
    public WorkflowInputException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WorkflowInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The JSON path of the field that does not fit (<c>$</c> for the input as a whole), when known.</summary>
    public string? Path { get; init; }
}
