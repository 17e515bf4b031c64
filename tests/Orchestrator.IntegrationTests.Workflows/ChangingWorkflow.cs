using Microsoft.Extensions.Configuration;
using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>
/// A workflow whose code changes between deployments (ItTests:CodeVersion): version 2 calls a different first
/// activity, which contradicts the history of instances started under version 1.
/// </summary>
[Workflow("it.changing")]
public sealed class ChangingWorkflow(IConfiguration configuration) : Workflow<string, string>
{
    private readonly bool _secondVersion = configuration["ItTests:CodeVersion"] == "2";

    public override async Task<string> RunAsync(WorkflowContext ctx, string input)
    {
        var label = _secondVersion ? "renamed-step" : "first-step";
        await ctx.CallActivityAsync<int>(_secondVersion ? "it.ledger-write-v2" : "it.ledger-write", new LedgerEntry(label, 0));
        return await ctx.WaitForExternalEventAsync<string>("go");
    }
}
