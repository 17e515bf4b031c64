namespace Orchestrator.Storage.Sqlite;

/// <summary>Where and how the embedded SQLite store keeps its data.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// The data folder. It holds the database <c>orchestrator.db</c> (with its <c>-wal</c> and <c>-shm</c> files) and the
    /// lock file <c>orchestrator.lock</c> that keeps a second process out. Created when missing; a relative path is
    /// resolved against the current directory. Default <c>data</c>.
    /// </summary>
    public string DataDir { get; set; } = "data";

    /// <summary>
    /// A full SQLite connection string that replaces the one built from <see cref="DataDir"/>, for example to put the
    /// database elsewhere or to set a password. It must name a file (not <c>:memory:</c>), because reads use their own
    /// connections. The lock file stays in <see cref="DataDir"/>. Default null.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// False (default): <c>synchronous=NORMAL</c>. A commit survives a crash of the process, and the database stays
    /// consistent after a power loss, but the last commits before a power loss may be lost.
    /// True: <c>synchronous=FULL</c>. Every commit is flushed to the disk before it returns, so it survives a power loss
    /// as well; commits are slower.
    /// </summary>
    public bool PowerLossDurability { get; set; }
}
