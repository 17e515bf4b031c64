using Orchestrator.Core.Client;

namespace Orchestrator.Core.Registry;

/// <summary>A registered workflow: its name, version, how to create a runner for one instance, and how to check an input.</summary>
/// <param name="Name">The workflow name.</param>
/// <param name="Version">The version it runs as.</param>
/// <param name="Description">What it does.</param>
/// <param name="CreateRunner">Creates the runner of one instance.</param>
/// <param name="CheckInput">Null when an input (JSON text, or null) is one the workflow can run with; otherwise why not.
/// Null for a workflow that takes any input.</param>
internal sealed record WorkflowRegistration(
    string Name,
    string Version,
    string? Description,
    Func<IServiceProvider, IWorkflowRunner> CreateRunner,
    Func<string?, WorkflowInputException?>? CheckInput = null);
