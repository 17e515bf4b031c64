namespace Orchestrator.Core.Internal;

/// <summary>A registered workflow: its name, version, and how to create a runner for one instance.</summary>
internal sealed record WorkflowRegistration(string Name, string Version, string? Description, Func<IServiceProvider, IWorkflowRunner> CreateRunner);
