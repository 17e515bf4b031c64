using Orchestrator.Core.Client;

namespace Orchestrator.Core.Hosting;

/// <summary>
/// Workflows defined outside code, such as the designer's published flows. The engine asks its sources, after the code
/// workflows, when an instance starts and whenever an instance is loaded, so both calls must answer from memory.
/// </summary>
public interface IWorkflowSource
{
    /// <summary>The workflows this source can run now: one entry per name, at its latest version.</summary>
    /// <returns>The workflows.</returns>
    IReadOnlyList<WorkflowDescriptor> List();

    /// <summary>A workflow body by name and version, or null when this source has no such workflow.</summary>
    /// <param name="name">The workflow name.</param>
    /// <param name="version">The version; null means the latest.</param>
    /// <returns>The body, or null.</returns>
    WorkflowBody? Find(string name, string? version);
}
