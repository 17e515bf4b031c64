namespace Orchestrator.Server.Contracts;

/// <summary>A recorded failure.</summary>
/// <param name="Type">The error type (exception type or code).</param>
/// <param name="Message">The message.</param>
/// <param name="StackTrace">Where it happened, when known.</param>
internal sealed record ErrorInfo(string Type, string Message, string? StackTrace);
