using Orchestrator.Flows.Elsa;

namespace Orchestrator.Flows.Tests;

public sealed class ElsaJsonSmokeTests
{
    [Fact]
    public void Read_LegacyConnectionShape_ReadsSourceAndPort()
    {
        var doc = ElsaJson.Read("""
            {"definitionId":"d","root":{"type":"Elsa.Flowchart","activities":[{"id":"a","type":"Elsa.Start"},{"id":"b","type":"Elsa.End"}],
             "connections":[{"source":"a","target":"b","sourcePort":"Done","targetPort":"In"}]}}
            """);

        doc.Root.Connections.Should().ContainSingle().Which.Should().Be(new Model.FlowConnection("a", "Done", "b", "In"));
    }
}
