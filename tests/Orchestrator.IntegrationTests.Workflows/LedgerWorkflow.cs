using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>Writes one ledger entry per step, sequentially and then in parallel; returns how many entries it wrote.</summary>
[Workflow("it.ledger")]
public sealed class LedgerWorkflow : Workflow<LedgerRequest, int>
{
    public override async Task<int> RunAsync(WorkflowContext ctx, LedgerRequest input)
    {
        var written = 0;
        for (var i = 0; i < input.Steps; i++)
        {
            written += await ctx.CallActivityAsync<int>("it.ledger-write", new LedgerEntry($"s{i}", input.DelayMs));
        }

        var batch = await Task.WhenAll(Enumerable.Range(0, input.Parallel)
            .Select(i => ctx.CallActivityAsync<int>("it.ledger-write", new LedgerEntry($"p{i}", input.DelayMs))));
        return written + batch.Sum();
    }
}
