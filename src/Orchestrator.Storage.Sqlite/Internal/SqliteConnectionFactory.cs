using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>Opens the store's connections with its pragmas: one writer, any number of readers.</summary>
internal sealed class SqliteConnectionFactory
{
    public const string DatabaseFileName = "orchestrator.db";

    /// <summary>About 16 MiB of page cache per connection (negative = KiB).</summary>
    internal const int CacheSizeKib = 16 * 1024;

    /// <summary>How long a statement waits for a lock held by a checkpoint or another connection.</summary>
    internal const int BusyTimeoutMs = 5000;

    /// <summary>After a burst, the WAL file is truncated back to this size at the next checkpoint.</summary>
    internal const long JournalSizeLimitBytes = 64L * 1024 * 1024;

    private readonly string _connectionString;

    public SqliteConnectionFactory(SqliteStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DataDir, nameof(options.DataDir));
        DataDir = Path.GetFullPath(options.DataDir);
        var builder = options.ConnectionString is null
            ? new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDir, DatabaseFileName) }
            : new SqliteConnectionStringBuilder(options.ConnectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            throw new ArgumentException("The SQLite store needs a database file; an in-memory database is not supported.", nameof(options));
        }

        // The store keeps its own connections open; a second pool would only hold file handles after disposal.
        builder.Pooling = false;
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        _connectionString = builder.ToString();
        DatabasePath = Path.GetFullPath(builder.DataSource);
        Synchronous = options.PowerLossDurability ? "FULL" : "NORMAL";
    }

    /// <summary>The data folder, as a full path.</summary>
    public string DataDir { get; }

    /// <summary>The database file, as a full path.</summary>
    public string DatabasePath { get; }

    /// <summary>The <c>synchronous</c> pragma of the writer.</summary>
    public string Synchronous { get; }

    /// <summary>
    /// Whether a <see cref="WalCheckpointer"/> checkpoints instead of the writer: with synchronous=NORMAL, where a
    /// commit does not sync and the checkpoint's syncs would be the only ones on its path. With FULL every commit syncs
    /// the WAL anyway, and a checkpoint syncing the database file beside it slows those syncs down (measured: W1p-FULL
    /// 30 % slower), so the writer checkpoints itself every 1,000 pages, as SQLite does by default.
    /// </summary>
    public bool BackgroundCheckpoints => Synchronous == "NORMAL";

    /// <summary>The single writer: WAL, the configured durability, no foreign keys (the store keeps its own rules),
    /// automatic checkpoints only when there are no <see cref="BackgroundCheckpoints"/>.</summary>
    public SqliteConnection OpenWriter()
    {
        var connection = Open();
        try
        {
            var mode = Convert.ToString(Scalar(connection, "PRAGMA journal_mode = WAL"), CultureInfo.InvariantCulture);
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    $"SQLite could not switch '{DatabasePath}' to WAL mode (it reports '{mode}'); the file system may not support shared memory.");
            }

            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
                PRAGMA synchronous = {Synchronous};
                PRAGMA foreign_keys = OFF;
                PRAGMA journal_size_limit = {JournalSizeLimitBytes};
                PRAGMA wal_autocheckpoint = {(BackgroundCheckpoints ? 0 : 1000)};
                """));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The connection of the <see cref="WalCheckpointer"/>: the writer checkpoints nothing itself.</summary>
    public SqliteConnection OpenCheckpointer() => Open();

    /// <summary>A reader: WAL lets it read a consistent snapshot while the writer commits.</summary>
    public SqliteConnection OpenReader()
    {
        var connection = Open();
        try
        {
            Execute(connection, "PRAGMA query_only = ON;");
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private SqliteConnection Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            Execute(connection, string.Create(CultureInfo.InvariantCulture, $"""
                PRAGMA busy_timeout = {BusyTimeoutMs};
                PRAGMA temp_store = MEMORY;
                PRAGMA cache_size = -{CacheSizeKib};
                """));
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
