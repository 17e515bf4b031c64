using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Core;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Internal;

namespace Orchestrator.Storage.Sqlite.Tests.Infrastructure;

/// <summary>
/// The one harness for store tests: an initialized store on a real database file in its own temp folder, closed and
/// deleted after the test, plus helpers to write and to look at raw rows.
/// </summary>
public abstract class StoreTestBase : IAsyncLifetime
{
    private readonly List<SqliteWorkflowStore> _opened = [];

    protected TempDirectory Folder { get; } = new();

    internal SqliteWorkflowStore Store { get; private set; } = null!;

    protected static CancellationToken None => CancellationToken.None;

    public async Task InitializeAsync() => Store = await OpenAsync();

    public async Task DisposeAsync()
    {
        foreach (var store in _opened)
        {
            await store.DisposeAsync();
        }

        Folder.Dispose();
    }

    /// <summary>Opens (and initializes) another store on the test's folder; closed after the test.</summary>
    internal async Task<SqliteWorkflowStore> OpenAsync(bool powerLossDurability = false)
    {
        var store = CreateStore(Folder.Path, powerLossDurability);
        _opened.Add(store);
        await store.InitializeAsync(None);
        return store;
    }

    /// <summary>Closes the test's store and opens the same folder again, as a restarted server would.</summary>
    internal async Task ReopenAsync()
    {
        await Store.DisposeAsync();
        Store = await OpenAsync();
    }

    internal static SqliteWorkflowStore CreateStore(string dataDir, bool powerLossDurability = false) =>
        new(new SqliteStoreOptions { DataDir = dataDir, PowerLossDurability = powerLossDurability }, TimeProvider.System, NullLogger<SqliteWorkflowStore>.Instance);

    protected async Task<StoreWriteResult> WriteAsync(StoreWrite write) => (await Store.WriteAsync([write], None))[0];

    protected Task<IReadOnlyList<StoreWriteResult>> WriteAsync(params StoreWrite[] writes) => Store.WriteAsync(writes, None);

    /// <summary>Creates a Pending instance and returns the inbox id of its ExecutionStarted message.</summary>
    protected async Task<long> CreateAsync(string id, string name = "order", string? input = "{\"n\":1}")
    {
        var result = await WriteAsync(new CreateInstanceWrite(Samples.Instance(id, name, input)));
        result.Outcome.Should().Be(WriteOutcome.Done);
        return result.Enqueued.Single().Id;
    }

    /// <summary>Moves an instance to <paramref name="status"/> with an empty commit.</summary>
    protected async Task SetStatusAsync(string id, InstanceStatus status) =>
        (await WriteAsync(Samples.Commit(id, status))).Outcome.Should().Be(WriteOutcome.Done);

    /// <summary>Counts rows of a table, read straight from the file beside the store.</summary>
    protected long CountRows(string table, string? instanceId = null)
    {
        using var connection = OpenReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = instanceId is null
            ? $"SELECT COUNT(*) FROM {table}"
            : $"SELECT COUNT(*) FROM {table} WHERE instance_id = $id";
        command.Parameters.AddWithValue("$id", (object?)instanceId ?? DBNull.Value);
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>The rows of <c>human_task_assignees</c> for a task, sorted, read straight from the file.</summary>
    protected IReadOnlyList<string> AssigneesOf(string taskId)
    {
        using var connection = OpenReadOnly();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT assignee FROM human_task_assignees WHERE task_id = $task ORDER BY assignee";
        command.Parameters.AddWithValue("$task", taskId);
        using var reader = command.ExecuteReader();
        var assignees = new List<string>();
        while (reader.Read())
        {
            assignees.Add(reader.GetString(0));
        }

        return assignees;
    }

    private SqliteConnection OpenReadOnly()
    {
        var connection = new SqliteConnection($"Data Source={Store.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return connection;
    }
}
