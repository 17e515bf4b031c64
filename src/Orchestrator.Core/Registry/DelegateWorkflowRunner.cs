namespace Orchestrator.Core.Registry;

/// <summary>Adapts a typed workflow body to JSON in and out.</summary>
internal sealed class DelegateWorkflowRunner<TInput, TOutput>(string name, Func<WorkflowContext, TInput, Task<TOutput>> run) : IWorkflowRunner
{
    public async Task<string?> RunAsync(WorkflowContext context, string? inputJson)
    {
        var input = WorkflowInput.Read<TInput>(name, inputJson);
        var output = await run(context, input!);
        return OrchestratorJson.Serialize(output);
    }
}
