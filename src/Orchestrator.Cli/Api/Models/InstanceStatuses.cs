namespace Orchestrator.Cli.Api.Models;

/// <summary>The instance status names of the HTTP API.</summary>
internal static class InstanceStatuses
{
    public const string Pending = "Pending";
    public const string Running = "Running";
    public const string Suspended = "Suspended";
    public const string Completed = "Completed";
    public const string Failed = "Failed";
    public const string Terminated = "Terminated";

    /// <summary>Every status, in lifecycle order.</summary>
    public static IReadOnlyList<string> All { get; } = [Pending, Running, Suspended, Completed, Failed, Terminated];

    /// <summary>Whether an instance in <paramref name="status"/> will never change again on its own.</summary>
    public static bool IsTerminal(string status) => status is Completed or Failed or Terminated;
}
