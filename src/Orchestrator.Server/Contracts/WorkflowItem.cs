namespace Orchestrator.Server.Contracts;

/// <summary>A runnable workflow.</summary>
/// <param name="Name">The name to start it by.</param>
/// <param name="Version">Its version.</param>
/// <param name="Kind"><c>code</c> for C# workflows, <c>flow</c> for published designer flows.</param>
/// <param name="Description">What it does.</param>
/// <param name="Versions">Every version that can be started (for flows, each published version).</param>
/// <param name="DisplayName">What people call it: a flow's title, else the name.</param>
internal sealed record WorkflowItem(string Name, string Version, string Kind, string? Description, IReadOnlyList<string> Versions, string DisplayName);
