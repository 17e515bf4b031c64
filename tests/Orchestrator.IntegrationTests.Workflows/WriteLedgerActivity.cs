using Microsoft.Extensions.Configuration;
using Orchestrator.Core;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>
/// A downstream system that de-duplicates by idempotency key, as a payment API would: every delivery is recorded,
/// the side effect is applied only for a key it has not seen. The ledger is a SQLite file outside the server's data.
/// </summary>
[Activity("it.ledger-write")]
public sealed class WriteLedgerActivity(IConfiguration configuration) : Activity<LedgerEntry, int>
{
    public override async Task<int> RunAsync(ActivityContext context, LedgerEntry input)
    {
        if (input.DelayMs > 0)
        {
            await Task.Delay(input.DelayMs, context.CancellationToken);
        }

        await LedgerFile.RecordAsync(configuration, context.IdempotencyKey, $"{context.InstanceId}/{input.Label}", context.Attempt, context.CancellationToken);
        return 1;
    }
}
