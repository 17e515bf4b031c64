using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orchestrator.Agents;
using Orchestrator.Flows.Definitions;
using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Tests.Definitions;

/// <summary>
/// Ids a person can read and that work everywhere: a flow drawn without an id gets one made from its name (before, a
/// 16-digit hex id that became its name everywhere); an id a caller gives is checked when the definition is created.
/// </summary>
public sealed class FlowDefinitionIdsTests
{
    private readonly InMemoryFlowDefinitionStore _store = new();
    private readonly FlowDefinitionService _service;

    public FlowDefinitionIdsTests()
    {
        var agents = new AgentCatalog();
        agents.Add(new AgentDefinition { Name = "support", Instructions = "Help." });
        var services = new ServiceCollection().AddSingleton(agents).BuildServiceProvider();
        _service = new FlowDefinitionService(_store, new FlowCatalog(NullLogger<FlowCatalog>.Instance), services, TimeProvider.System);
    }

    [Fact]
    public async Task SaveDraftAsync_NoDefinitionId_MakesAReadableUniqueIdFromTheName()
    {
        var first = await _service.SaveDraftAsync(Flow(null, "Refund request"), "ana");
        var second = await _service.SaveDraftAsync(Flow(null, "Refund request"), "ana");
        var third = await _service.SaveDraftAsync(Flow(null, "Refund  request!"), "ana");
        var accented = await _service.SaveDraftAsync(Flow(null, "Rückerstattung für Kunden"), "ana");
        var symbols = await _service.SaveDraftAsync(Flow(null, "→ ★"), "ana");

        first.DefinitionId.Should().Be("refund-request");
        first.Name.Should().Be("Refund request");
        second.DefinitionId.Should().Be("refund-request-2");
        third.DefinitionId.Should().Be("refund-request-3");
        accented.DefinitionId.Should().BeOneOf("ruckerstattung-fur-kunden", "rückerstattung-für-kunden"); // the second without ICU
        symbols.DefinitionId.Should().Be("flow");
        (await _service.GetAsync("refund-request-2", null))!.Definition["id"]!.GetValue<string>().Should().Be("refund-request-2-v1");
    }

    [Fact]
    public async Task SaveDraftAsync_SameNameAtOnce_GetsTwoIds()
    {
        var saves = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => _service.SaveDraftAsync(Flow(null, "Parallel"), "ana")));

        saves.Select(s => s.DefinitionId).Should().BeEquivalentTo(["parallel", "parallel-2", "parallel-3", "parallel-4"]);
    }

    [Theory]
    [InlineData("a/b", "character 2 is '/'")]
    [InlineData("..", "must not be '..'")]
    [InlineData("with space", "character 5")]
    [InlineData("zero\u200bwidth", "U+200B")]
    public async Task SaveAndImport_InvalidDefinitionId_AreRefusedNamingTheProblemAndWriteNothing(string id, string problem)
    {
        var save = () => _service.SaveDraftAsync(Flow(id, "Flow"), "ana");
        var import = () => _service.ImportAsync(Flow(id, "Flow"), publish: true, "ana");

        var refused = (await save.Should().ThrowAsync<FlowDefinitionException>()).Which;
        refused.Error.Should().Be(FlowDefinitionError.Unreadable);
        refused.Message.Should().Contain("definitionId").And.Contain(problem);
        (await import.Should().ThrowAsync<FlowDefinitionException>()).Which.Message.Should().Contain(problem);
        _store.Writes.Should().Be(0);
    }

    [Fact]
    public async Task SaveDraftAsync_AgentThatIsNotRegistered_IsAnUnknownAgentProblemAndPublishIsRefused()
    {
        var saved = await _service.SaveDraftAsync(AgentFlow("ghost"), "ana");
        var publish = () => _service.PublishAsync("agents", "ana");

        saved.Problems.Should().ContainSingle(p => p.Code == FlowProblemCodes.UnknownAgent && p.NodeId == "ask")
            .Which.Message.Should().Contain("'ghost'");
        (await publish.Should().ThrowAsync<FlowDefinitionException>()).Which.Error.Should().Be(FlowDefinitionError.Invalid);
        (await _service.SaveDraftAsync(AgentFlow("support"), "ana")).Problems.Should().BeEmpty();
    }

    [Fact]
    public async Task ImportAsync_UnsupportedTypes_PointsToTheDocsInTheRepository()
    {
        var json = """{"definitionId":"d","root":{"type":"Elsa.Flowchart","activities":[{"id":"h","type":"Elsa.HttpEndpoint"}],"connections":[]}}""";

        var act = () => _service.ImportAsync(json, publish: false, "ana");

        (await act.Should().ThrowAsync<FlowDefinitionException>()).Which.Message.Should().Contain("docs/flows.md").And.NotContain("FLOWS.md");
    }

    private static string Flow(string? definitionId, string name) =>
        "{" + (definitionId is null ? string.Empty : "\"definitionId\":" + System.Text.Json.JsonSerializer.Serialize(definitionId) + ",")
        + "\"name\":" + System.Text.Json.JsonSerializer.Serialize(name) + """
        ,"root":{"id":"fc","type":"Elsa.Flowchart","activities":[{"id":"start","type":"Elsa.Start"},{"id":"end","type":"Elsa.End"}],
         "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;

    private static string AgentFlow(string agent) => """
        {"definitionId":"agents","name":"Agents","root":{"id":"fc","type":"Elsa.Flowchart","activities":[
          {"id":"start","type":"Elsa.Start"},
          {"id":"ask","type":"Orchestrator.Agent","agent":{"typeName":"String","expression":{"type":"Literal","value":"
        """.TrimEnd() + agent + """
        "}},"prompt":{"typeName":"String","expression":{"type":"Literal","value":"Hi"}}},
          {"id":"end","type":"Elsa.End"}],
         "connections":[{"source":{"activity":"start","port":"Done"},"target":{"activity":"ask","port":"In"}},
                        {"source":{"activity":"ask","port":"Done"},"target":{"activity":"end","port":"In"}}]}}
        """;
}
