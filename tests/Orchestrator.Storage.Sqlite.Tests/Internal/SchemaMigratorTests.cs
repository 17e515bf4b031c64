using Microsoft.Data.Sqlite;
using Orchestrator.Core;
using Orchestrator.Core.Governance;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Internal;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class SchemaMigratorTests : StoreTestBase
{
    [Fact]
    public async Task InitializeAsync_CalledTwice_DoesNothingTheSecondTime()
    {
        await CreateAsync("a");

        await Store.InitializeAsync(None);

        (await Store.GetInstanceAsync("a", None)).Should().NotBeNull();
        CountRows("schema_version").Should().Be(SchemaMigrations.All.Count);
    }

    [Fact]
    public async Task InitializeAsync_ReopenedFile_KeepsDataAndAppliesNoStepTwice()
    {
        await CreateAsync("a");
        await WriteAsync(Samples.Commit("a", InstanceStatus.Running, Samples.Raised("x")));

        await ReopenAsync();
        await ReopenAsync();

        CountRows("schema_version").Should().Be(SchemaMigrations.All.Count);
        (await Store.GetHistoryAsync("a", None)).Should().Equal(Samples.Raised("x"));
        (await Store.GetInstanceAsync("a", None))!.Status.Should().Be(InstanceStatus.Running);
    }

    [Fact]
    public async Task Apply_NewStepAdded_AppliesOnlyTheNewStepOnce()
    {
        await CreateAsync("a");
        await Store.DisposeAsync();
        SchemaMigration[] steps = [.. SchemaMigrations.All, new(SchemaMigrations.All.Count + 1, "notes", "ALTER TABLE instances ADD COLUMN note TEXT;")];
        using var connection = OpenRaw();

        var first = SchemaMigrator.Apply(connection, steps, TimeProvider.System);
        var second = SchemaMigrator.Apply(connection, steps, TimeProvider.System);

        first.Should().Equal(steps[^1]);
        second.Should().BeEmpty();
        SchemaMigrator.CurrentVersion(connection, null).Should().Be(steps.Length);
        Scalar(connection, "SELECT COUNT(*) FROM instances WHERE note IS NULL").Should().Be(1L);
    }

    [Fact]
    public async Task Apply_FailingStep_RollsBackThatStepAndRecordsNothing()
    {
        await Store.DisposeAsync();
        SchemaMigration[] steps = [.. SchemaMigrations.All, new(SchemaMigrations.All.Count + 1, "broken", "CREATE TABLE extra (x INTEGER); SELECT * FROM no_such_table;")];
        using var connection = OpenRaw();

        var act = () => SchemaMigrator.Apply(connection, steps, TimeProvider.System);

        act.Should().Throw<SqliteException>();
        SchemaMigrator.CurrentVersion(connection, null).Should().Be(SchemaMigrations.All.Count);
        Scalar(connection, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'").Should().Be(0L);
    }

    [Fact]
    public async Task InitializeAsync_Version1Database_KeepsDataAndAppliesLaterSteps()
    {
        await Store.DisposeAsync();
        foreach (var file in Directory.GetFiles(Folder.Path, "orchestrator.db*"))
        {
            File.Delete(file);
        }

        using (var connection = OpenRaw())
        {
            SchemaMigrator.Apply(connection, [SchemaMigrations.All[0]], TimeProvider.System).Should().ContainSingle();
            Scalar(connection, $"""
                INSERT INTO instances (instance_id, name, version, status, input, created_at, updated_at, started_by, execution_id)
                VALUES ('old', 'order', '1', 'Running', '{"n":1}', {Samples.T0.Ticks}, {Samples.T0.Ticks}, 'alice', 'exec-old');
                INSERT INTO history (instance_id, seq, events) VALUES ('old', 1, '{StoreJson.SerializeEvents([Samples.Raised("x")])}');
                """);
        }

        await ReopenAsync();

        CountRows("schema_version").Should().Be(SchemaMigrations.All.Count);
        var instance = (await Store.GetInstanceAsync("old", None))!;
        (instance.Status, instance.StartedBy, instance.Usage).Should().Be((InstanceStatus.Running, "alice", UsageTotals.Zero));
        (await Store.GetHistoryAsync("old", None)).Should().Equal(Samples.Raised("x"));
        var results = await WriteAsync(
            Samples.Commit("old") with { Usage = [Samples.Usage("old", 1, 0.5m)] },
            new CreateHumanTaskWrite(Samples.Approval("t1", "old")),
            new AppendAuditWrite([new AuditEntry(Samples.T0, "user:alice", null, "instance.start", "instance:old", "ok", "old")]));
        results.Should().OnlyContain(r => r.Outcome == WriteOutcome.Done);
        (await Store.GetInstanceAsync("old", None))!.Usage!.CostUsd.Should().Be(0.5m);
        (await Store.QueryHumanTasksAsync(new HumanTaskQuery { AnyAssignee = ["user:alice"] }, None)).Should().ContainSingle();
    }

    [Fact]
    public async Task InitializeAsync_Version4DatabaseWithAgentUsage_AttributesItToTheRootAndRollsItUp()
    {
        await Store.DisposeAsync();
        foreach (var file in Directory.GetFiles(Folder.Path, "orchestrator.db*"))
        {
            File.Delete(file);
        }

        using (var connection = OpenRaw())
        {
            SchemaMigrator.Apply(connection, [.. SchemaMigrations.All.Take(4)], TimeProvider.System).Should().HaveCount(4);
            Scalar(connection, $"""
                INSERT INTO instances (instance_id, name, version, status, created_at, updated_at, started_by, parent_instance_id, execution_id,
                                       input_tokens, cached_input_tokens, output_tokens, cost_nanousd)
                VALUES ('job', 'support.triage', '1', 'Running', {Samples.T0.Ticks}, {Samples.T0.Ticks}, 'alice', NULL, 'e1', 0, 0, 0, 0),
                       ('job:1', 'orchestrator.agent', '1', 'Running', {Samples.T0.Ticks}, {Samples.T0.Ticks}, 'alice', 'job', 'e2', 100, 10, 20, 300000000),
                       ('job:1:1', 'orchestrator.agent', '1', 'Completed', {Samples.T0.Ticks}, {Samples.T0.Ticks}, 'alice', 'job:1', 'e3', 50, 0, 5, 100000000);
                INSERT INTO usage (instance_id, task_id, workflow, agent, user_name, model, input_tokens, cached_input_tokens, output_tokens, cost_nanousd, at)
                VALUES ('job:1', 1, 'orchestrator.agent', 'triage', 'alice', 'm', 100, 10, 20, 300000000, {Samples.T0.Ticks}),
                       ('job:1:1', 1, 'orchestrator.agent', 'writer', 'alice', 'm', 50, 0, 5, 100000000, {Samples.T0.Ticks}),
                       ('purged', 1, 'order', NULL, 'bob', 'm', 1, 0, 1, 5, {Samples.T0.Ticks});
                """);
        }

        await ReopenAsync();

        (await Store.QueryUsageAsync(new UsageQuery("workflow"), None)).Select(g => (g.Key, g.Calls, g.Totals.CostUsd))
            .Should().Equal(("support.triage", 2L, 0.4m), ("order", 1L, 0.000000005m));
        var job = (await Store.GetInstanceAsync("job", None))!;
        (job.Usage, job.TotalUsage).Should().Be((UsageTotals.Zero, new UsageTotals(150, 10, 25, 0.4m)));
        (await Store.GetInstanceAsync("job:1", None))!.TotalUsage.Should().Be(new UsageTotals(150, 10, 25, 0.4m));
        (await Store.GetInstanceAsync("job:1:1", None))!.TotalUsage.Should().Be(new UsageTotals(50, 0, 5, 0.1m));

        await WriteAsync(Samples.Commit("job:1:1") with { Usage = [Samples.Usage("job:1:1", 2, 0.5m, workflow: "orchestrator.agent")] });
        (await Store.GetInstanceAsync("job", None))!.TotalUsage!.CostUsd.Should().Be(0.9m, "a migrated tree keeps rolling up");
        (await Store.QueryUsageAsync(new UsageQuery("workflow"), None)).First().Should().Match<UsageGroup>(g => g.Key == "support.triage" && g.Calls == 3);
    }

    [Fact]
    public async Task InitializeAsync_DatabaseFromNewerBuild_ThrowsClearError()
    {
        await Store.DisposeAsync();
        using (var connection = OpenRaw())
        {
            Scalar(connection, "INSERT INTO schema_version VALUES (999, 'future', 0) RETURNING version");
        }

        var act = () => OpenAsync();

        await act.Should().ThrowAsync<InvalidOperationException>().WithMessage("*schema version 999*newer*");
    }

    [Fact]
    public void Apply_StepsOutOfOrder_Throws()
    {
        using var connection = OpenRaw();

        var act = () => SchemaMigrator.Apply(connection, [new SchemaMigration(2, "gap", "SELECT 1")], TimeProvider.System);

        act.Should().Throw<InvalidOperationException>().WithMessage("*numbered*");
    }

    [Theory]
    [InlineData(false, 1L)]
    [InlineData(true, 2L)]
    public void OpenWriter_Durability_SetsWalAndSynchronousLevel(bool powerLossDurability, long expected)
    {
        var factory = new SqliteConnectionFactory(new SqliteStoreOptions { DataDir = Folder.Path, PowerLossDurability = powerLossDurability });

        using var writer = factory.OpenWriter();
        using var reader = factory.OpenReader();

        Scalar(writer, "PRAGMA journal_mode").Should().Be("wal");
        Scalar(writer, "PRAGMA synchronous").Should().Be(expected);
        Scalar(writer, "PRAGMA foreign_keys").Should().Be(0L);
        Scalar(writer, "PRAGMA temp_store").Should().Be(2L);
        Scalar(reader, "PRAGMA busy_timeout").Should().Be((long)SqliteConnectionFactory.BusyTimeoutMs);
        Scalar(reader, "PRAGMA query_only").Should().Be(1L);
    }

    [Fact]
    public void Constructor_InMemoryConnectionString_Throws()
    {
        var act = () => new SqliteConnectionFactory(new SqliteStoreOptions { DataDir = Folder.Path, ConnectionString = "Data Source=:memory:" });

        act.Should().Throw<ArgumentException>().WithMessage("*in-memory*");
    }

    [Fact]
    public async Task InitializeAsync_CustomConnectionString_UsesThatFileAndLocksDataDir()
    {
        using var elsewhere = new TempDirectory();
        var file = Path.Combine(elsewhere.Path, "custom.db");
        var store = new SqliteWorkflowStore(
            new SqliteStoreOptions { DataDir = Folder.Path, ConnectionString = $"Data Source={file}" },
            TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<SqliteWorkflowStore>.Instance);
        await using (store)
        {
            await Store.DisposeAsync();
            await store.InitializeAsync(None);

            File.Exists(file).Should().BeTrue();
            File.Exists(Path.Combine(Folder.Path, "orchestrator.lock")).Should().BeTrue();
        }
    }

    private SqliteConnection OpenRaw()
    {
        var connection = new SqliteConnection($"Data Source={Path.Combine(Folder.Path, "orchestrator.db")};Pooling=False");
        connection.Open();
        return connection;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
