using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// Copies committed pages from the WAL into the database file on a connection and thread of its own, so that a
/// commit never pays for it. SQLite's automatic checkpoint would run inside every thousandth page's commit, on the
/// writer, and a step waits for it (about 60 µs per commit on average here, measured). A passive checkpoint takes no
/// lock the writer needs, so commits go on while it runs; it is started after every
/// <see cref="CommitsPerCheckpoint"/> commits and at least every <see cref="Interval"/> while anything is unchecked.
/// Durability does not change: a commit is in the WAL before it returns, and a checkpoint syncs the WAL before it
/// copies anything. Used with synchronous=NORMAL only (see <see cref="SqliteConnectionFactory.BackgroundCheckpoints"/>).
/// </summary>
internal sealed partial class WalCheckpointer : IAsyncDisposable
{
    public const int CommitsPerCheckpoint = 64;

    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly SqliteConnection _connection;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _due = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _commits;

    public WalCheckpointer(SqliteConnection connection, ILogger logger)
    {
        _connection = connection;
        _logger = logger;
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Counts a commit; every <see cref="CommitsPerCheckpoint"/>th starts a checkpoint.</summary>
    public void Committed()
    {
        if (Interlocked.Increment(ref _commits) % CommitsPerCheckpoint == 0 && _due.CurrentCount == 0)
        {
            try
            {
                _due.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already due: one checkpoint covers both.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _connection.DisposeAsync();
        _stop.Dispose();
        _due.Dispose();
    }

    private async Task RunAsync()
    {
        var checkedAt = 0;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await _due.WaitAsync(Interval, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var commits = Volatile.Read(ref _commits);
            if (commits == checkedAt)
            {
                continue;
            }

            checkedAt = commits;
            try
            {
                using var command = _connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                command.ExecuteNonQuery();
            }
            catch (SqliteException ex)
            {
                // The pages stay in the WAL, where reads find them; the next checkpoint copies them.
                LogCheckpointFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A WAL checkpoint failed; it is tried again after the next commits")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);
}
