namespace Orchestrator.Core;

/// <summary>
/// A payload (an input, output, event, custom status or result) is larger than the engine stores in one history event
/// (<see cref="Hosting.EngineOptions.MaxPayloadBytes"/>). Nothing of it was stored; retrying the same payload cannot help.
/// </summary>
public sealed class PayloadTooLargeException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    public PayloadTooLargeException()
    {
    }

    /// <summary>Creates the exception with a message that names the payload, its size and the limit.</summary>
    /// <param name="message">The message.</param>
    public PayloadTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public PayloadTooLargeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
