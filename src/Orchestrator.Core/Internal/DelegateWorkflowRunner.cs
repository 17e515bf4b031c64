namespace Orchestrator.Core.Internal;

/// <summary>Adapts a typed workflow body to JSON in and out.</summary>
internal sealed class DelegateWorkflowRunner<TInput, TOutput>(Func<WorkflowContext, TInput, Task<TOutput>> run) : IWorkflowRunner
{
    public async Task<string?> RunAsync(WorkflowContext context, string? inputJson)
    {
        var input = OrchestratorJson.Deserialize<TInput>(inputJson);
        var output = await run(context, input!);
        return OrchestratorJson.Serialize(output);
    }
}
