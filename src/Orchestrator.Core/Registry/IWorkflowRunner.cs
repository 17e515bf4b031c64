namespace Orchestrator.Core.Registry;

/// <summary>Runs a workflow body over JSON input and output.</summary>
internal interface IWorkflowRunner
{
    Task<string?> RunAsync(WorkflowContext context, string? inputJson);
}
