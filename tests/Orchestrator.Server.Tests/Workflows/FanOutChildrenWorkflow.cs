using Orchestrator.Core;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Runs <c>samples.sequence</c> as a sub-workflow once per input item, in parallel, and returns how many ran.</summary>
[Workflow(Name)]
public sealed class FanOutChildrenWorkflow : Workflow<int, int>
{
    public const string Name = "tests.fan-out-children";

    public override async Task<int> RunAsync(WorkflowContext ctx, int input)
    {
        ArgumentNullException.ThrowIfNull(ctx);
        var children = Enumerable.Range(0, input)
            .Select(_ => ctx.CallSubWorkflowAsync<System.Text.Json.JsonElement>("samples.sequence", new { steps = 0 }))
            .ToList();
        await Task.WhenAll(children);
        return children.Count;
    }
}
