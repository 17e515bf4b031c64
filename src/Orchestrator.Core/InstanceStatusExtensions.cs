namespace Orchestrator.Core;

/// <summary>Helpers over <see cref="InstanceStatus"/>.</summary>
public static class InstanceStatusExtensions
{
    /// <summary>True for Completed, Failed and Terminated.</summary>
    /// <param name="status">The status.</param>
    /// <returns>Whether the instance has finished.</returns>
    public static bool IsTerminal(this InstanceStatus status) =>
        status is InstanceStatus.Completed or InstanceStatus.Failed or InstanceStatus.Terminated;
}
