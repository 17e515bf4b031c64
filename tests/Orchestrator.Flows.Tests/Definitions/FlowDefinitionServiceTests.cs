using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Core.Storage;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Elsa;
using Orchestrator.Testing;

namespace Orchestrator.Flows.Tests.Definitions;

public sealed class FlowDefinitionServiceTests
{
    private readonly InMemoryFlowDefinitionStore _store = new();
    private readonly FlowCatalog _catalog = new(NullLogger<FlowCatalog>.Instance);
    private readonly FlowDefinitionService _service;

    public FlowDefinitionServiceTests() =>
        _service = new FlowDefinitionService(_store, _catalog, new ServiceCollection().BuildServiceProvider(), TimeProvider.System);

    [Fact]
    public async Task SaveDraftAsync_NoDefinitionId_GeneratesOneAndKeepsTheDraft()
    {
        var saved = await _service.SaveDraftAsync(Flow(null, "a"), "ana");

        saved.DefinitionId.Should().NotBeNullOrWhiteSpace();
        (await _store.GetDraftAsync(saved.DefinitionId))!.SavedBy.Should().Be("ana");
    }

    [Fact]
    public async Task SaveDraftAsync_DuplicateIds_IsUnreadableAndWritesNothing()
    {
        var json = """{"definitionId":"d","root":{"type":"Elsa.Flowchart","activities":[{"id":"x","type":"Elsa.Start"},{"id":"x","type":"Elsa.End"}],"connections":[]}}""";

        var act = () => _service.SaveDraftAsync(json, "ana");

        (await act.Should().ThrowAsync<FlowDefinitionException>()).Which.Error.Should().Be(FlowDefinitionError.Unreadable);
        _store.Writes.Should().Be(0);
    }

    [Fact]
    public async Task PublishAsync_Twice_SecondIsUnchangedAndAChangeMakesVersion2()
    {
        await _service.SaveDraftAsync(Flow("d", "one"), "ana");
        var first = await _service.PublishAsync("d", "ana");

        var again = () => _service.PublishAsync("d", "ana");
        (await again.Should().ThrowAsync<FlowDefinitionException>()).Which.Error.Should().Be(FlowDefinitionError.Unchanged);
        await _service.SaveDraftAsync(Flow("d", "two"), "ana");
        var second = await _service.PublishAsync("d", "ana");

        first.Version.Should().Be(1);
        second.Version.Should().Be(2);
        _catalog.Versions("d").Should().Equal(1, 2);
        _catalog.Find("d", "1")!.Version.Should().Be("1");
        ElsaJson.Write(_catalog.FindDocument("d", 1)!).Should().Contain("one").And.NotContain("two");
        (await _store.GetVersionAsync("d", 1))!.Json.Should().Contain("one");
    }

    [Fact]
    public async Task PublishAsync_NoDraft_IsNotFound()
    {
        var act = () => _service.PublishAsync("missing", "ana");

        (await act.Should().ThrowAsync<FlowDefinitionException>()).Which.Error.Should().Be(FlowDefinitionError.NotFound);
    }

    [Fact]
    public async Task ImportAsync_UnsupportedTypes_ListsThemAndWritesNothing()
    {
        var json = """{"definitionId":"d","root":{"type":"Elsa.Flowchart","activities":[{"id":"s","type":"Elsa.Start"},{"id":"j","type":"Elsa.RunJavaScript"},{"id":"h","type":"Elsa.HttpEndpoint"}],"connections":[]}}""";

        var act = () => _service.ImportAsync(json, publish: true, "ana");

        var refusal = (await act.Should().ThrowAsync<FlowDefinitionException>()).Which;
        refusal.Error.Should().Be(FlowDefinitionError.UnsupportedTypes);
        refusal.UnsupportedTypes.Should().Equal("Elsa.HttpEndpoint", "Elsa.RunJavaScript");
        _store.Writes.Should().Be(0);
    }

    [Fact]
    public async Task ImportAsync_PublishSameContentTwice_KeepsVersion1()
    {
        var first = await _service.ImportAsync(Flow("d", "x"), publish: true, "ana");
        var exported = await _service.ExportAsync("d", null);
        var second = await _service.ImportAsync(exported!, publish: true, "ana");

        first.Version.Should().Be(1);
        second.Version.Should().Be(1);
        _catalog.Versions("d").Should().Equal(1);
    }

    [Fact]
    public async Task PublishIfNewAsync_SameFileAtEveryStart_PublishesOnce()
    {
        var doc = ElsaJson.Read(Flow("sample", "x"));

        var first = await _service.PublishIfNewAsync(doc, "system");
        var again = await _service.PublishIfNewAsync(ElsaJson.Read(Flow("sample", "x")), "system");
        var changed = await _service.PublishIfNewAsync(ElsaJson.Read(Flow("sample", "y")), "system");

        first!.Version.Should().Be(1);
        again.Should().BeNull();
        changed!.Version.Should().Be(2);
    }

    [Fact]
    public async Task LoadAsync_FreshCatalog_HasEveryStoredVersion()
    {
        await _service.ImportAsync(Flow("d", "x"), publish: true, "ana");
        await _service.SaveDraftAsync(Flow("d", "y"), "ana");
        await _service.PublishAsync("d", "ana");
        var restarted = new FlowCatalog(NullLogger<FlowCatalog>.Instance);

        await restarted.LoadAsync(_store);

        restarted.Versions("d").Should().Equal(1, 2);
        restarted.List().Should().ContainSingle().Which.Versions.Should().Equal("1", "2");
    }

    [Fact]
    public async Task LoadAsync_AVersionThatCannotBeCompiled_IsOneLogLineAndTheOthersLoad()
    {
        await _service.ImportAsync(Flow("d", "x"), publish: true, "ana");
        await _store.AddVersionAsync(new FlowDefinitionRecord("broken", 1, "Broken", "{\"root\":", DateTime.UtcNow, "ana"));
        var logs = new LogCapture();
        using var loggers = LoggerFactory.Create(b => b.AddProvider(logs));
        var restarted = new FlowCatalog(loggers.CreateLogger<FlowCatalog>());

        await restarted.LoadAsync(_store);

        restarted.Versions("d").Should().Equal(1);
        restarted.Versions("broken").Should().BeEmpty();
        var entry = logs.Entries.Should().ContainSingle(e => e.Level == LogLevel.Error).Which;
        entry.Message.Should().StartWith("Flow broken version 1 cannot be compiled and will not run: ").And.NotContain("\n");
        entry.Exception.Should().BeNull("the message says what is wrong; a stack trace would bury it");
    }

    [Fact]
    public async Task ListAsync_DraftAndVersions_AreSummarised()
    {
        await _service.ImportAsync(Flow("d", "x"), publish: true, "ana");
        await _service.SaveDraftAsync(Flow("d", "y"), "bob");

        var item = (await _service.ListAsync()).Should().ContainSingle().Which;

        item.HasDraft.Should().BeTrue();
        item.DraftSavedBy.Should().Be("bob");
        item.LatestVersion.Should().Be(1);
        item.Versions.Should().Equal(1);
    }

    private static string Flow(string? definitionId, string text) =>
        (definitionId is null ? "{" : "{\"definitionId\":\"" + definitionId + "\",") + """
        "name":"Flow","root":{"id":"fc","type":"Elsa.Flowchart","activities":[
          {"id":"start","type":"Elsa.Start"},
          {"id":"write","type":"Elsa.WriteLine","text":{"typeName":"String","expression":{"type":"Literal","value":"
        """.TrimEnd() + text + """
        "}}},
          {"id":"end","type":"Elsa.End"}],
         "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"write","port":"In"}},
                        {"source":{"activity":"write","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;
}
