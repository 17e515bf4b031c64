using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Orchestrator.Core.Hosting;
using Orchestrator.Core.Storage;
using Orchestrator.Storage.Sqlite.Tests.Infrastructure;

namespace Orchestrator.Storage.Sqlite.Tests.Internal;

public sealed class FlowDefinitionStoreTests : StoreTestBase
{
    [Fact]
    public async Task SaveDraftAsync_TwiceForOneDefinition_KeepsOnlyTheLastDraft()
    {
        await Store.SaveDraftAsync(Draft("refund", "{\"n\":1}", "alice"));
        await Store.SaveDraftAsync(Draft("refund", "{\"n\":2}", "bob"));

        var draft = await Store.GetDraftAsync("refund");
        draft.Should().Be(Draft("refund", "{\"n\":2}", "bob"));
        (await Store.ListDraftsAsync()).Should().ContainSingle();
        CountRows("flow_drafts").Should().Be(1);
    }

    [Fact]
    public async Task GetDraftAsync_UnknownDefinition_IsNull()
    {
        (await Store.GetDraftAsync("nope")).Should().BeNull();
        (await Store.GetVersionAsync("nope", null)).Should().BeNull();
        (await Store.GetVersionAsync("nope", 1)).Should().BeNull();
    }

    [Fact]
    public async Task AddVersionAsync_NewNumbers_AreKeptAndTheLatestIsTheHighest()
    {
        (await Store.AddVersionAsync(Version("refund", 1, "{\"v\":1}"))).Should().BeTrue();
        (await Store.AddVersionAsync(Version("refund", 2, "{\"v\":2}"))).Should().BeTrue();
        (await Store.AddVersionAsync(Version("content", 1, "{\"c\":1}"))).Should().BeTrue();

        (await Store.GetVersionAsync("refund", null))!.Version.Should().Be(2);
        (await Store.GetVersionAsync("refund", 1))!.Json.Should().Be("{\"v\":1}");
        (await Store.ListVersionsAsync()).Select(v => (v.DefinitionId, v.Version))
            .Should().Equal(("content", 1), ("refund", 1), ("refund", 2));
    }

    [Fact]
    public async Task AddVersionAsync_ExistingNumber_ReturnsFalseAndKeepsTheFirst()
    {
        await Store.AddVersionAsync(Version("refund", 1, "{\"first\":true}"));

        var added = await Store.AddVersionAsync(Version("refund", 1, "{\"second\":true}"));

        added.Should().BeFalse();
        (await Store.GetVersionAsync("refund", 1))!.Json.Should().Be("{\"first\":true}");
    }

    [Fact]
    public async Task AddVersionAsync_WithoutNumber_IsRefused()
    {
        var add = () => Store.AddVersionAsync(Draft("refund", "{}", null));
        var save = () => Store.SaveDraftAsync(Version("refund", 1, "{}"));

        await add.Should().ThrowAsync<ArgumentException>();
        await save.Should().ThrowAsync<ArgumentException>();
        CountRows("flow_versions").Should().Be(0);
        CountRows("flow_drafts").Should().Be(0);
    }

    [Fact]
    public async Task FlowVersionsTable_UpdateOrDelete_IsRefused()
    {
        await Store.AddVersionAsync(Version("refund", 1, "{}"));

        var update = () => Execute("UPDATE flow_versions SET json = '{\"evil\":1}'");
        var delete = () => Execute("DELETE FROM flow_versions");

        update.Should().Throw<SqliteException>().WithMessage("*immutable*");
        delete.Should().Throw<SqliteException>().WithMessage("*immutable*");
        (await Store.GetVersionAsync("refund", 1))!.Json.Should().Be("{}");
    }

    [Fact]
    public async Task Definitions_AfterReopen_AreStillThere()
    {
        await Store.SaveDraftAsync(Draft("refund", "{\"d\":1}", "alice"));
        await Store.AddVersionAsync(Version("refund", 1, "{\"v\":1}"));

        await ReopenAsync();

        (await Store.GetDraftAsync("refund"))!.Json.Should().Be("{\"d\":1}");
        (await Store.GetVersionAsync("refund", null))!.SavedAt.Should().Be(Samples.T0);
    }

    [Fact]
    public async Task UseSqlite_ResolvesTheFlowDefinitionStoreToTheWorkflowStore()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddOrchestrator(o => o.UseSqlite(s => s.DataDir = Path.Combine(Folder.Path, "di")));
        await using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IFlowDefinitionStore>().Should().BeSameAs(provider.GetRequiredService<IWorkflowStore>());
    }

    private static FlowDefinitionRecord Draft(string id, string json, string? by) => new(id, null, "Refund", json, Samples.T0, by);

    private static FlowDefinitionRecord Version(string id, int version, string json) => new(id, version, "Refund", json, Samples.T0, "alice");

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Store.DatabasePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
