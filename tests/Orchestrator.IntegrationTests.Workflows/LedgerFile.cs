using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;

namespace Orchestrator.IntegrationTests.Workflows;

/// <summary>
/// The downstream ledger the integration tests read: every delivery is recorded, the side effect is applied only for
/// an idempotency key it has not seen (as a payment API would).
/// </summary>
public static class LedgerFile
{
    public static async Task RecordAsync(IConfiguration configuration, string key, string label, int attempt, CancellationToken cancellationToken)
    {
        var path = configuration["ItTests:LedgerPath"] ?? throw new InvalidOperationException("Set ItTests:LedgerPath.");
        await using var connection = new SqliteConnection($"Data Source={path};Default Timeout=30");
        await connection.OpenAsync(cancellationToken);
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
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$label", label);
        command.Parameters.AddWithValue("$attempt", attempt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
