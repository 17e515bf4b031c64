namespace Orchestrator.Cli.Api;

/// <summary>No HTTP answer came back: the connection failed, broke, or timed out.</summary>
internal sealed class ServerUnreachableException(string message, Exception? innerException = null)
    : Exception(message, innerException);
