namespace Orchestrator.Core.Client;

/// <summary>A runnable workflow.</summary>
/// <param name="Name">The name clients use.</param>
/// <param name="Version">The version new instances get when they name none (the latest).</param>
/// <param name="Kind"><c>code</c> for C# workflows, <c>flow</c> for published designer flows.</param>
/// <param name="Description">What it does.</param>
/// <param name="Versions">Every version that can be started, oldest first; null means only <paramref name="Version"/>.</param>
/// <param name="DisplayName">What people call it when that is not its name (a designer flow's title); null to show the name.</param>
public sealed record WorkflowDescriptor(
    string Name, string Version, string Kind, string? Description, IReadOnlyList<string>? Versions = null, string? DisplayName = null);
