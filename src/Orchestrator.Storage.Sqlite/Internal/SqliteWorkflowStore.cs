using Microsoft.Extensions.Logging;
using Orchestrator.Core.Governance;
using Orchestrator.Core.History;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;

namespace Orchestrator.Storage.Sqlite.Internal;

/// <summary>
/// The embedded default store: one SQLite database in WAL mode in the data folder, guarded by a lock file so only one
/// process opens it. Writes go through one writer connection (see <see cref="SqliteWriter"/>); reads use pooled read
/// connections (see <see cref="SqliteReader"/>).
/// </summary>
/// <remarks>Single process by construction, so every claim of work with a free lease is granted and
/// <see cref="WaitForWorkAsync"/> only waits out its timeout.</remarks>
internal sealed class SqliteWorkflowStore : IWorkflowStore, IFlowDefinitionStore
{
    /// <summary>Idle read connections kept open; more are opened under load and closed when returned.</summary>
    internal const int MaxIdleReaders = 8;

    private readonly SqliteConnectionFactory _connections;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _lifecycle = new();
    private DataDirectoryLock? _directoryLock;
    private ReadConnectionPool? _readers;
    private volatile SqliteWriter? _writer;
    private volatile SqliteReader? _reader;
    private volatile HumanTaskReader? _humanTasks;
    private volatile UsageReader? _usage;
    private volatile AuditReader? _audit;
    private volatile FlowDefinitionReader? _flows;
    private bool _disposed;

    public SqliteWorkflowStore(SqliteStoreOptions options, TimeProvider time, ILogger<SqliteWorkflowStore> logger)
    {
        _connections = new SqliteConnectionFactory(options);
        _time = time;
        _logger = logger;
    }

    /// <summary>The data folder, as a full path.</summary>
    public string DataDir => _connections.DataDir;

    /// <summary>The database file, as a full path.</summary>
    public string DatabasePath => _connections.DatabasePath;

    private SqliteWriter Writer => _writer ?? throw NotOpen();

    private SqliteReader Reader => _reader ?? throw NotOpen();

    private HumanTaskReader HumanTasks => _humanTasks ?? throw NotOpen();

    private UsageReader Usage => _usage ?? throw NotOpen();

    private AuditReader Audit => _audit ?? throw NotOpen();

    private FlowDefinitionReader Flows => _flows ?? throw NotOpen();

    /// <summary>Creates the data folder, takes its lock, opens the database and applies pending schema steps.
    /// A second call on an open store does nothing.</summary>
    public Task InitializeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_lifecycle)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_writer is not null)
            {
                return Task.CompletedTask;
            }

            PrivateFiles.CreateFolder(DataDir);
            var directoryLock = DataDirectoryLock.Acquire(DataDir);
            try
            {
                PrepareDatabaseFiles();
                var connection = _connections.OpenWriter();
                WalCheckpointer? checkpointer = null;
                try
                {
                    foreach (var step in SchemaMigrator.Apply(connection, SchemaMigrations.All, _time))
                    {
                        SqliteStoreLog.MigrationApplied(_logger, step.Version, step.Description, DatabasePath);
                    }

                    ReleaseLeasesOfEarlierProcesses(connection);
                    SqliteStoreLog.Opened(_logger, DatabasePath, SchemaMigrator.CurrentVersion(connection, null), _connections.Synchronous);
                    checkpointer = _connections.BackgroundCheckpoints ? new WalCheckpointer(_connections.OpenCheckpointer(), _logger) : null;
                    _writer = new SqliteWriter(connection, checkpointer, _time);
                }
                catch
                {
                    checkpointer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    connection.Dispose();
                    throw;
                }
            }
            catch
            {
                directoryLock.Dispose();
                throw;
            }

            _directoryLock = directoryLock;
            _readers = new ReadConnectionPool(_connections.OpenReader, MaxIdleReaders);
            _reader = new SqliteReader(_readers);
            _humanTasks = new HumanTaskReader(_readers, _time);
            _usage = new UsageReader(_readers);
            _audit = new AuditReader(_readers);
            _flows = new FlowDefinitionReader(_readers);
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<StoreWriteResult>> WriteAsync(IReadOnlyList<StoreWrite> writes, CancellationToken cancellationToken) =>
        Writer.WriteAsync(writes, cancellationToken);

    public Task<InstanceRecord?> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Reader.GetInstanceAsync(instanceId, cancellationToken);

    public Task<InstancePage> QueryInstancesAsync(InstanceQuery query, CancellationToken cancellationToken) =>
        Reader.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<HistoryEvent>> GetHistoryAsync(string instanceId, CancellationToken cancellationToken) =>
        Reader.GetHistoryAsync(instanceId, cancellationToken);

    public Task<InstanceSnapshot?> LoadInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        Reader.LoadAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<string>> ClaimInstancesAsync(string owner, DateTime now, TimeSpan lease, int max, CancellationToken cancellationToken) =>
        Writer.ClaimAsync(owner, now, lease, max, cancellationToken);

    public Task<IReadOnlyList<TimerWorkItem>> GetPendingTimersAsync(int max, CancellationToken cancellationToken) =>
        Reader.GetPendingTimersAsync(max, cancellationToken);

    public Task<HumanTask?> GetHumanTaskAsync(string taskId, CancellationToken cancellationToken) =>
        HumanTasks.GetAsync(taskId, cancellationToken);

    public Task<IReadOnlyList<HumanTask>> QueryHumanTasksAsync(HumanTaskQuery query, CancellationToken cancellationToken) =>
        HumanTasks.QueryAsync(query, cancellationToken);

    public Task<IReadOnlyList<UsageGroup>> QueryUsageAsync(UsageQuery query, CancellationToken cancellationToken) =>
        Usage.QueryAsync(query, cancellationToken);

    public Task<AuditPage> QueryAuditAsync(AuditQuery query, CancellationToken cancellationToken) =>
        Audit.QueryAsync(query, cancellationToken);

    public IAsyncEnumerable<AuditRecord> ReadAuditChainAsync(CancellationToken cancellationToken) =>
        Audit.ReadChainAsync(cancellationToken);

    public async Task SaveDraftAsync(FlowDefinitionRecord draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (draft.Version is not null)
        {
            throw new ArgumentException("A draft has no version number; publish versions with AddVersionAsync.", nameof(draft));
        }

        await Writer.WriteAsync((c, t) => FlowDefinitionWrites.SaveDraft(c, t, draft), cancellationToken);
    }

    public Task<bool> AddVersionAsync(FlowDefinitionRecord version, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Version is not > 0)
        {
            throw new ArgumentException("A published version needs a version number from 1 up.", nameof(version));
        }

        return Writer.WriteAsync((c, t) => FlowDefinitionWrites.AddVersion(c, t, version), cancellationToken);
    }

    public Task<FlowDefinitionRecord?> GetDraftAsync(string definitionId, CancellationToken cancellationToken = default) =>
        Flows.GetDraftAsync(definitionId, cancellationToken);

    public Task<FlowDefinitionRecord?> GetVersionAsync(string definitionId, int? version, CancellationToken cancellationToken = default) =>
        Flows.GetVersionAsync(definitionId, version, cancellationToken);

    public Task<IReadOnlyList<FlowDefinitionRecord>> ListVersionsAsync(CancellationToken cancellationToken = default) =>
        Flows.ListVersionsAsync(cancellationToken);

    public Task<IReadOnlyList<FlowDefinitionRecord>> ListDraftsAsync(CancellationToken cancellationToken = default) =>
        Flows.ListDraftsAsync(cancellationToken);

    /// <summary>No other process can add work to this database, so this only waits out the timeout.</summary>
    public Task WaitForWorkAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        Task.Delay(timeout, _time, cancellationToken);

    /// <summary>Lets a write in flight finish, closes every connection, then releases the data folder.</summary>
    public async ValueTask DisposeAsync()
    {
        SqliteWriter? writer;
        ReadConnectionPool? readers;
        DataDirectoryLock? directoryLock;
        lock (_lifecycle)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            (writer, readers, directoryLock) = (_writer, _readers, _directoryLock);
            (_writer, _reader, _humanTasks, _usage, _audit, _flows, _readers, _directoryLock) = (null, null, null, null, null, null, null, null);
        }

        if (writer is not null)
        {
            await writer.DisposeAsync();
        }

        readers?.Dispose();
        directoryLock?.Dispose();
    }

    /// <summary>
    /// Creates the database file 0600 before SQLite opens it, so its -wal and -shm files (created with the database's
    /// permissions) are private too; files an earlier version left readable by others are tightened.
    /// </summary>
    private void PrepareDatabaseFiles()
    {
        if (Path.GetDirectoryName(DatabasePath) is { Length: > 0 } folder)
        {
            PrivateFiles.CreateFolder(folder);
        }

        PrivateFiles.EnsureFile(DatabasePath);
        PrivateFiles.Tighten(DatabasePath + "-wal");
        PrivateFiles.Tighten(DatabasePath + "-shm");
    }

    private InvalidOperationException NotOpen() =>
        _disposed
            ? new ObjectDisposedException(nameof(SqliteWorkflowStore))
            : new InvalidOperationException($"The SQLite store for '{DataDir}' is not open; call InitializeAsync first.");

    /// <summary>
    /// This process holds the data folder's exclusive lock, so no other process can own an instance: leases left by a
    /// process that died (kill -9, power cut) are void, and its instances are recovered at once instead of after expiry.
    /// </summary>
    private static void ReleaseLeasesOfEarlierProcesses(Microsoft.Data.Sqlite.SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "UPDATE instances SET lease_owner = NULL, lease_until = NULL WHERE lease_owner IS NOT NULL";
        command.ExecuteNonQuery();
    }
}
