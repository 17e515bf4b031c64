using Microsoft.Data.Sqlite;

namespace Orchestrator.IntegrationTests.Infrastructure;

/// <summary>Reads the downstream ledger the test workflows write: every delivery, and the side effects applied.</summary>
internal static class Ledger
{
    public static LedgerSummary Read(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        connection.Open();
        return new LedgerSummary(
            Scalar(connection, "SELECT COUNT(*) FROM effects"),
            Scalar(connection, "SELECT COUNT(DISTINCT key) FROM effects"),
            Scalar(connection, "SELECT COUNT(*) FROM deliveries"),
            Scalar(connection, "SELECT COUNT(*) FROM deliveries WHERE key NOT IN (SELECT key FROM effects)"),
            Scalar(connection, "SELECT COUNT(*) FROM (SELECT key FROM deliveries GROUP BY key HAVING COUNT(DISTINCT label) > 1)"));
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}

/// <summary>What the ledger shows.</summary>
/// <param name="Effects">Side effects applied.</param>
/// <param name="DistinctEffectKeys">Distinct idempotency keys among them.</param>
/// <param name="Deliveries">Every activity execution that reached the ledger (re-deliveries included).</param>
/// <param name="OrphanDeliveries">Deliveries whose key has no effect (must be 0).</param>
/// <param name="KeysWithConflictingCalls">Keys used for two different calls (must be 0).</param>
internal sealed record LedgerSummary(long Effects, long DistinctEffectKeys, long Deliveries, long OrphanDeliveries, long KeysWithConflictingCalls);
