using System.Text.Json;
using Orchestrator.Agents;
using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>
/// Calls the HTTP tool <c>it.secret-ok</c> and then <c>it.secret-down</c>, whose system is unreachable (both send a
/// secret header). With input <c>catch</c> the failure is caught and returned as the output; otherwise the instance fails.
/// </summary>
[Workflow("it.secret-tools")]
public sealed class SecretToolsWorkflow : Workflow<string, string>
{
    public override async Task<string> RunAsync(WorkflowContext ctx, string input)
    {
        var answer = await ctx.CallToolAsync("it.secret-ok", new { orderId = "A-7", note = input });
        try
        {
            await ctx.CallToolAsync("it.secret-down", new { orderId = "A-7" }, RetryPolicy.None);
        }
        catch (WorkflowTaskFailedException e) when (input == "catch")
        {
            return $"ok: {JsonSerializer.Serialize(answer)}; down: {e.Message}";
        }

        return "unreachable";
    }
}
