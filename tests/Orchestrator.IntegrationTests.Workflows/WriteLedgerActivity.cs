using Microsoft.Data.Sqlite;
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

        var path = configuration["ItTests:LedgerPath"] ?? throw new InvalidOperationException("Set ItTests:LedgerPath.");
        await using var connection = new SqliteConnection($"Data Source={path};Default Timeout=30");
        await connection.OpenAsync(context.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE IF NOT EXISTS deliveries (key TEXT NOT NULL, label TEXT NOT NULL, attempt INTEGER NOT NULL);
            CREATE TABLE IF NOT EXISTS effects (key TEXT NOT NULL, label TEXT NOT NULL);
            BEGIN IMMEDIATE;
            INSERT INTO deliveries (key, label, attempt) VALUES ($key, $label, $attempt);
            INSERT INTO effects (key, label) SELECT $key, $label WHERE NOT EXISTS (SELECT 1 FROM effects WHERE key = $key);
            COMMIT;
            """;
        command.Parameters.AddWithValue("$key", context.IdempotencyKey);
        command.Parameters.AddWithValue("$label", $"{context.InstanceId}/{input.Label}");
        command.Parameters.AddWithValue("$attempt", context.Attempt);
        await command.ExecuteNonQueryAsync(context.CancellationToken);
        return 1;
    }
}
