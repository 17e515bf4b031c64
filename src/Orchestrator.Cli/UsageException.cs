namespace Orchestrator.Cli;

/// <summary>The command line asked for something impossible; reported as exit code 2 before anything is sent.</summary>
internal sealed class UsageException(string message) : Exception(message);
