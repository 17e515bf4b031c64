using Orchestrator.Agents;
using Orchestrator.Core;

namespace Orchestrator.Server.Tests.Workflows;

/// <summary>Runs the <c>tests-triage</c> agent, whose two tools are named alike (<c>orders.find</c>, <c>orders_find</c>), and returns its answer.</summary>
[Workflow(Name)]
public sealed class TriageAgentWorkflow : Workflow<string, string>
{
    public const string Name = "tests.triage";
    public const string Agent = "tests-triage";

    public override async Task<string> RunAsync(WorkflowContext ctx, string input)
    {
        var result = await ctx.RunAgentAsync(
            new AgentDefinition { Name = Agent, Instructions = "Find the orders. {{ input }}", Tools = ["orders.find", "orders_find"] },
            input);
        return result.Output ?? string.Empty;
    }
}
