namespace Orchestrator.Core.Registry;

/// <summary>Runs a <see cref="Workflow{TInput, TOutput}"/> subclass over JSON.</summary>
internal sealed class ClassWorkflowRunner<TWorkflow, TInput, TOutput>(object workflow, string name) : IWorkflowRunner
    where TWorkflow : Workflow<TInput, TOutput>
{
    private readonly TWorkflow _workflow = (TWorkflow)workflow;

    public async Task<string?> RunAsync(WorkflowContext context, string? inputJson)
    {
        var input = WorkflowInput.Read<TInput>(name, inputJson);
        var output = await _workflow.RunAsync(context, input!);
        return OrchestratorJson.Serialize(output);
    }
}
