using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Bench;

/// <summary>
/// The baseline every engine workload is read against: single-row commits (BEGIN, one prepared INSERT of a
/// ~100-byte value, COMMIT) on a SQLite file in the store's journal mode (WAL) and synchronous mode (NORMAL, or FULL
/// for power-loss durability), as fast as one connection can do them. No engine can commit a step faster than this
/// on the same machine at the same moment, except by committing several steps at once.
/// </summary>
internal static class RawStore
{
    public static async Task<double> CommitsPerSecondAsync(bool fullSync)
    {
        var folder = Path.Combine(Path.GetTempPath(), "orch-raw-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "raw.db"), Pooling = false }.ToString());
            await connection.OpenAsync();
            Execute(connection, $"PRAGMA journal_mode = WAL; PRAGMA synchronous = {(fullSync ? "FULL" : "NORMAL")}; CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);");
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO t (v) VALUES ($v)";
            var value = insert.Parameters.Add("$v", SqliteType.Text);
            value.Value = new string('x', 100);
            insert.Prepare();

            Commit(connection, insert, 200); // warm-up
            var commits = fullSync ? 1_000 : 10_000;
            var watch = Stopwatch.StartNew();
            Commit(connection, insert, commits);
            return commits / watch.Elapsed.TotalSeconds;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static void Commit(SqliteConnection connection, SqliteCommand insert, int commits)
    {
        for (var i = 0; i < commits; i++)
        {
            using var transaction = connection.BeginTransaction();
            insert.Transaction = transaction;
            insert.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
