namespace Orchestrator.Server.Contracts;

/// <summary>A recorded failure as viewers see it: what went wrong, never where in the server's code (that is in the log).</summary>
/// <param name="Type">The error type (exception type or code).</param>
/// <param name="Message">The message, without stack frames or source locations.</param>
internal sealed record ErrorInfo(string Type, string Message);
