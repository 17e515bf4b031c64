namespace Orchestrator.Core.Client;

/// <summary>No instance has the given id.</summary>
public sealed class InstanceNotFoundException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InstanceNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">The message.</param>
    public InstanceNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InstanceNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
