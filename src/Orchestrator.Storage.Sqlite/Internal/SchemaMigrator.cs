using Microsoft.Data.Sqlite;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Brings a database to the newest schema, one recorded step at a time.</summary>
internal static class SchemaMigrator
{
    internal const string CreateVersionTable = """
        CREATE TABLE IF NOT EXISTS schema_version (
            version     INTEGER NOT NULL PRIMARY KEY,
            description TEXT    NOT NULL,
            applied_at  INTEGER NOT NULL
        )
        """;

    /// <summary>Applies every step newer than the database's version, each in its own transaction.</summary>
    /// <returns>The steps applied now; empty when the schema was current.</returns>
    /// <exception cref="InvalidOperationException">The database was written by a newer build.</exception>
    public static IReadOnlyList<SchemaMigration> Apply(SqliteConnection connection, IReadOnlyList<SchemaMigration> steps, TimeProvider time)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Version != i + 1)
            {
                throw new InvalidOperationException($"Schema step {i + 1} is numbered {steps[i].Version}; steps must be numbered 1, 2, 3 … in order.");
            }
        }

        using (var create = connection.CreateCommand())
        {
            create.CommandText = CreateVersionTable;
            create.ExecuteNonQuery();
        }

        var current = CurrentVersion(connection, transaction: null);
        if (current > steps.Count)
        {
            throw new InvalidOperationException(
                $"The database '{connection.DataSource}' has schema version {current}, but this build knows only up to {steps.Count}. " +
                "It was written by a newer Orchestrator; run that version or a newer one.");
        }

        var applied = new List<SchemaMigration>();
        foreach (var step in steps.Where(s => s.Version > current))
        {
            using var transaction = connection.BeginTransaction();

            // Another opener may have applied the step between the check and the lock; the step must not run twice.
            if (CurrentVersion(connection, transaction) >= step.Version)
            {
                continue;
            }

            using (var script = connection.CreateCommand())
            {
                script.Transaction = transaction;
                script.CommandText = step.Sql;
                script.ExecuteNonQuery();
            }

            using (var record = connection.CreateCommand())
            {
                record.Transaction = transaction;
                record.CommandText = "INSERT INTO schema_version (version, description, applied_at) VALUES ($version, $description, $at)";
                record.Parameters.AddWithValue("$version", step.Version);
                record.Parameters.AddWithValue("$description", step.Description);
                record.Parameters.AddWithValue("$at", StoreTime.ToTicks(time.GetUtcNow().UtcDateTime));
                record.ExecuteNonQuery();
            }

            transaction.Commit();
            applied.Add(step);
        }

        return applied;
    }

    /// <summary>The newest recorded step, 0 for a new database.</summary>
    public static int CurrentVersion(SqliteConnection connection, SqliteTransaction? transaction)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
