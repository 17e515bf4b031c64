namespace Orchestrator.Core.Client;

/// <summary>
/// An event name only the engine may raise (see <see cref="ReservedEvents"/>) was raised from outside: through the
/// client, or by a workflow's <c>SendEvent</c>. Nothing was written.
/// </summary>
public sealed class ReservedEventException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ReservedEventException()
    {
    }

    /// <summary>Creates the exception with a message that says what to do instead.</summary>
    /// <param name="message">The message.</param>
    public ReservedEventException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ReservedEventException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws when <paramref name="eventName"/> is reserved.</summary>
    /// <param name="eventName">The event name.</param>
    /// <exception cref="ReservedEventException">The name is reserved.</exception>
    internal static void ThrowIfReserved(string eventName)
    {
        if (ReservedEvents.Check(eventName) is { } reason)
        {
            throw new ReservedEventException(reason);
        }
    }
}
