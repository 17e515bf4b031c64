using Orchestrator.Storage.Sqlite.Internal;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

/// <summary>
/// With synchronous=NORMAL (the default) commits go to the WAL and the writer never copies them into the database file
/// itself; a checkpoint on its own connection does, in the background, so the database file catches up while the store
/// stays open and the WAL does not grow without bound. With power-loss durability the writer checkpoints itself.
/// </summary>
public sealed class WalCheckpointTests : StoreTestBase
{
    [Fact]
    public async Task Commits_AreCheckpointedIntoTheDatabaseFileInTheBackground()
    {
        var database = Store.DatabasePath;
        var before = new FileInfo(database).Length;

        for (var i = 0; i < 400; i++)
        {
            await CreateAsync($"wal-{i:D4}", input: "{\"text\":\"" + new string('x', 2_000) + "\"}");
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(database).Length <= before + (400L * 2_000) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        new FileInfo(database).Length.Should().BeGreaterThan(before + (400L * 2_000), "the pages were copied from the WAL while the store is open");
        (await Store.GetInstanceAsync("wal-0399", None))!.Input.Should().Contain("xxxx");
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1000)]
    public void Writer_CheckpointsItselfOnlyWithPowerLossDurability(bool powerLossDurability, long pages)
    {
        var dataDir = Path.Combine(Folder.Path, "writer");
        Directory.CreateDirectory(dataDir);
        using var writer = new SqliteConnectionFactory(new SqliteStoreOptions { DataDir = dataDir, PowerLossDurability = powerLossDurability }).OpenWriter();
        using var command = writer.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";

        Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture).Should().Be(pages);
    }
}
