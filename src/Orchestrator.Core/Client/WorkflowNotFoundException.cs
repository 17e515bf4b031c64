namespace Orchestrator.Core.Client;

/// <summary>No workflow of the given name (and version) is registered.</summary>
public sealed class WorkflowNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public WorkflowNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">The message.</param>
    public WorkflowNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public WorkflowNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
