using Orchestrator.Core.Hosting;

namespace Orchestrator.Core.Registry;

/// <summary>Runs a body from an <see cref="IWorkflowSource"/>.</summary>
internal sealed class SourcedWorkflowRunner(WorkflowBody body) : IWorkflowRunner
{
    public Task<string?> RunAsync(WorkflowContext context, string? inputJson) => body.RunAsync(context, inputJson);
}
