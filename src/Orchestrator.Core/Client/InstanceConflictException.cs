namespace Orchestrator.Core.Client;

/// <summary>The operation conflicts with the instance's current state or stored input.</summary>
public sealed class InstanceConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InstanceConflictException()
    {
    }

    /// <summary>Creates the exception with a message a person can act on.</summary>
    /// <param name="message">The message.</param>
    public InstanceConflictException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public InstanceConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
