namespace Orchestrator.Core.Client;

/// <summary>A runnable workflow.</summary>
/// <param name="Name">The name clients use.</param>
/// <param name="Version">The version.</param>
/// <param name="Kind"><c>code</c> for C# workflows.</param>
/// <param name="Description">What it does.</param>
public sealed record WorkflowDescriptor(string Name, string Version, string Kind, string? Description);
