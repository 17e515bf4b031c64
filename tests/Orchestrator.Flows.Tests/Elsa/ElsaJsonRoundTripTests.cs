using System.Text.Json.Nodes;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;

namespace Orchestrator.Flows.Tests.Elsa;

public sealed class ElsaJsonRoundTripTests
{
    [Theory]
    [MemberData(nameof(ElsaDocuments.All), MemberType = typeof(ElsaDocuments))]
    public void ReadWriteRead_HandWrittenDocument_GivesTheSameGraph(string name)
    {
        var first = ElsaJson.Read(ElsaDocuments.Text(name));
        var second = ElsaJson.Read(ElsaJson.Write(first));

        FlowGraph.Of(second).Should().Equal(FlowGraph.Of(first));
    }

    [Theory]
    [MemberData(nameof(ElsaDocuments.All), MemberType = typeof(ElsaDocuments))]
    public void Write_HandWrittenDocument_IsStable(string name)
    {
        var written = ElsaJson.Write(ElsaJson.Read(ElsaDocuments.Text(name)));

        ElsaJson.Write(ElsaJson.Read(written)).Should().Be(written);
    }

    [Theory]
    [MemberData(nameof(ElsaDocuments.CurrentShape), MemberType = typeof(ElsaDocuments))]
    public void Write_CurrentShapeDocument_KeepsEveryPropertyOfTheOriginal(string name)
    {
        var original = ElsaDocuments.Json(name);
        var written = ElsaJson.ToJson(ElsaJson.Read(original));

        // Connections are compared as a graph above (the writer adds empty vertices); everything else is kept as written.
        var originalRoot = original["root"]!.AsObject();
        var writtenRoot = written["root"]!.AsObject();
        foreach (var (key, value) in original.Where(p => p.Key != "root"))
        {
            AssertContains(value, written[key], key);
        }

        foreach (var (key, value) in originalRoot.Where(p => p.Key != "connections"))
        {
            AssertContains(value, writtenRoot[key], $"root.{key}");
        }

        var activities = originalRoot["activities"]!.AsArray();
        for (var i = 0; i < activities.Count; i++)
        {
            JsonNode.DeepEquals(activities[i], writtenRoot["activities"]![i]).Should()
                .BeTrue($"activity {i} is written back unchanged, but was {writtenRoot["activities"]![i]!.ToJsonString()}");
        }
    }

    [Fact]
    public void Read_ExampleA_ReadsTheDecisionLoop()
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(ElsaDocuments.ExampleA));

        doc.DefinitionId.Should().Be("wf-a");
        doc.Variables.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "v-counter", Name = "Counter", TypeName = "Int32", Value = "0" });
        doc.Root.Activities.Select(a => a.Type).Should().Equal(
            FlowActivityTypes.Start, FlowActivityTypes.SetVariable, FlowActivityTypes.FlowDecision, FlowActivityTypes.WriteLine, FlowActivityTypes.End);
        doc.Root.Find("dec")!.Input("condition").Should().Be(new FlowInput("Boolean", new FlowExpression("JavaScript", JsonValue.Create("getCounter() >= 3"))));
        doc.Root.Connections.Select(c => $"{c.Source}.{c.SourcePort}->{c.Target}").Should().Equal(
            "start.Done->inc", "inc.Done->dec", "dec.True->done", "dec.False->inc", "done.Done->end");
    }

    [Fact]
    public void Read_LegacyPascalCaseExport_ReadsEveryShape()
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(ElsaDocuments.LegacyPascal));

        doc.Should().BeEquivalentTo(new { Id = "4c2a9f0e1b7d3a55", DefinitionId = "legacy-greeting", Name = "Legacy greeting", Version = 3 });
        doc.Variables.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Id = "v-greeting", Name = "Greeting", TypeName = "String", Value = "Hello" });
        doc.Variables[0].Extra["storageDriverType"]!.GetValue<string>().Should().Be("Elsa.Workflows.Services.WorkflowStorageDriver, Elsa.Workflows.Core");
        doc.Inputs.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Name = "Person", Type = "String", Description = "Who to greet" });
        doc.Root.Id.Should().Be("fc-legacy");
        doc.Root.Properties["start"]!.GetValue<string>().Should().Be("s1");
        doc.Root.Activities.Select(a => a.Id).Should().Equal("s1", "w1", "d1", "e1");
        var write = doc.Root.Find("w1")!;
        write.Input("text")!.Expression!.Text.Should().Be("{{ Variables.Greeting }}, {{ Input.Person }}!");
        write.DisplayName.Should().Be("Say hello");
        doc.Root.Find("s1")!.Properties["canStartWorkflow"]!.GetValue<bool>().Should().BeFalse();
        doc.Root.Find("s1")!.Properties["line"]!.GetValue<int>().Should().Be(12);
        doc.Root.Connections.Select(c => $"{c.Source}.{c.SourcePort}->{c.Target}.{c.TargetPort}").Should().Equal("s1.Done->w1.In", "w1.Done->d1.In", "d1.Done->e1.In");
        doc.Root.Connections[1].Vertices!.ToJsonString().Should().Be("""[{"x":10,"y":20}]""");
        doc.Properties.Select(p => p.Key).Should().Contain(["$id", "createdAt", "toolVersion", "isLatest", "isPublished", "usableAsActivity", "options", "outcomes", "customProperties"]);
    }

    [Fact]
    public void Write_LegacyPascalCaseExport_WritesCamelCaseAndTheCurrentConnectionShape()
    {
        var written = ElsaJson.ToJson(ElsaJson.Read(ElsaDocuments.Text(ElsaDocuments.LegacyPascal)));

        written["usableAsActivity"]!.GetValue<bool>().Should().BeFalse();
        written["outcomes"]!.ToJsonString().Should().Be("[]");
        var root = written["root"]!.AsObject();
        root["start"]!.GetValue<string>().Should().Be("s1");
        root["connections"]![0]!.ToJsonString().Should().Be("""{"source":{"activity":"s1","port":"Done"},"target":{"activity":"w1","port":"In"},"vertices":[]}""");
        var text = root["activities"]![1]!["text"]!.AsObject();
        text.Select(p => p.Key).Should().Equal("typeName", "expression", "memoryReference");
        text["expression"]!.AsObject().Select(p => p.Key).Should().Equal("type", "value");
        root["activities"]![0]!.AsObject().Select(p => p.Key).Should().Equal("id", "type", "version", "name", "canStartWorkflow", "runAsynchronously", "source", "line", "metadata");
    }

    [Fact]
    public void Read_AgentsAndUnknownActivities_KeepsThemWithTheirProperties()
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(ElsaDocuments.AgentsAndUnknown));

        var writer = doc.Root.Find("writer")!;
        writer.Type.Should().Be("Elsa.Agents.Writer");
        writer.Input("topic")!.Expression!.Type.Should().Be(FlowExpressionTypes.JavaScript);
        writer.OutputVariable("output").Should().Be("v-summary");
        writer.DisplayName.Should().Be("Write summary");
        doc.Root.Find("if1")!.Property("then")!["id"]!.GetValue<string>().Should().Be("then1");
        doc.Root.Find("seq")!.Property("activities")!.AsArray().Should().ContainSingle();
        doc.Root.Connections[0].Properties!["x-edge"]!.GetValue<string>().Should().Be("kept");
        doc.Properties["x-team-note"]!["owner"]!.GetValue<string>().Should().Be("ops");
        doc.Properties["tenantId"]!.GetValue<string>().Should().Be("acme");
        doc.Variables[0].Extra["x-hint"]!.GetValue<string>().Should().Be("kept");
        doc.Inputs[0].Extra["uiHint"]!.GetValue<string>().Should().Be("singleline");
        ElsaImport.FindUnsupported(doc).Select(u => u.Type).Should().Equal("Elsa.Agents.Writer", "Elsa.If", "Elsa.Sequence");
    }

    [Fact]
    public void Read_MissingIdsAndVersion_GeneratesUniqueIdsAndVersionOne()
    {
        var doc = ElsaJson.Read("""
            {"name":"No ids","root":{"type":"Elsa.Flowchart","activities":[
              {"type":"Elsa.Start"},{"id":"WriteLine2","type":"Elsa.WriteLine"},{"type":"Elsa.WriteLine"},{"id":"","type":""}]}}
            """);

        doc.Version.Should().Be(1);
        doc.DefinitionId.Should().NotBeNullOrEmpty();
        doc.Id.Should().Be($"{doc.DefinitionId}-v1");
        doc.Root.Id.Should().Be("flowchart");
        doc.Root.Activities.Select(a => a.Id).Should().Equal("Start1", "WriteLine2", "WriteLine3", "Activity4");
        doc.Root.Activities.Select(a => a.Version).Should().AllBeEquivalentTo(1);
    }

    [Fact]
    public void Read_GeneratedIdTakenByALaterNode_PicksAnother()
    {
        var doc = ElsaJson.Read("""{"root":{"type":"Elsa.Flowchart","activities":[{"type":"Elsa.Start"},{"id":"Start1","type":"Elsa.End"}]}}""");

        doc.Root.Activities.Select(a => a.Id).Should().Equal("Start1_2", "Start1");
    }

    [Fact]
    public void Read_KeysDifferingOnlyInCase_KeepsBoth()
    {
        var doc = ElsaJson.Read("""
            {"root":{"type":"Elsa.Flowchart","activities":[{"id":"a","type":"X.Custom","value":1,"Value":2}]}}
            """);

        var a = doc.Root.Activities[0];
        a.Properties["value"]!.GetValue<int>().Should().Be(1);
        a.Properties["Value"]!.GetValue<int>().Should().Be(2);
        var again = ElsaJson.Read(ElsaJson.Write(doc)).Root.Activities[0];
        again.Properties.ToJsonString().Should().Be(a.Properties.ToJsonString());
    }

    [Fact]
    public void Read_SubWorkflowVersionInput_KeepsItAsAnInput()
    {
        var doc = ElsaJson.Read("""
            {"root":{"type":"Elsa.Flowchart","activities":[{"id":"s","type":"Orchestrator.SubWorkflow",
              "version":{"typeName":"Int32","expression":{"type":"Literal","value":2}}}]}}
            """);

        var sub = doc.Root.Activities[0];
        sub.Version.Should().Be(1);
        sub.Input("version")!.Expression!.Value!.GetValue<int>().Should().Be(2);
        ElsaJson.Read(ElsaJson.Write(doc)).Root.Activities[0].Input("version").Should().Be(sub.Input("version"));
    }

    [Fact]
    public void Read_SwitchCasesInPascalCaseAndWrapped_AreMadePlain()
    {
        var doc = ElsaJson.Read("""
            {"root":{"type":"Elsa.Flowchart","activities":[{"id":"sw","type":"Elsa.FlowSwitch",
              "Cases":{"$values":[{"Label":"A","Condition":{"Type":"JavaScript","Value":"true"}}]}}]}}
            """);

        doc.Root.Activities[0].Properties["cases"]!.ToJsonString().Should().Be("""[{"label":"A","condition":{"type":"JavaScript","value":"true"}}]""");
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[1,2]", "must be a JSON object")]
    [InlineData("""{"root":{"type":"Elsa.Flowchart","activities":5}}""", "'activities' must be an array")]
    [InlineData("""{"version":"two","root":{}}""", "'version' must be a whole number")]
    [InlineData("""{"root":"flowchart"}""", "'root' must be an object")]
    [InlineData("""{"id":"a","id":"b","root":{}}""", "not valid")]
    public void Read_NotADefinition_ThrowsFlowFormatException(string json, string message)
    {
        var read = () => ElsaJson.Read(json);

        read.Should().Throw<FlowFormatException>().Which.Message.Should().Contain(message);
    }

    [Fact]
    public void Read_MissingRoot_IsAnEmptySequence()
    {
        var doc = ElsaJson.Read("""{"definitionId":"d"}""");

        doc.Root.Type.Should().Be("Elsa.Sequence");
        doc.Root.Activities.Should().BeEmpty();
    }

    [Fact]
    public void Read_DoesNotChangeTheObjectItIsGiven()
    {
        var json = ElsaDocuments.Json(ElsaDocuments.LegacyPascal);
        var before = json.ToJsonString();

        var doc = ElsaJson.Read(json);
        doc.Root.Activities[1].SetInput("text", new FlowInput("String", FlowExpression.Literal(JsonValue.Create("changed"))));

        json.ToJsonString().Should().Be(before);
    }

    private static void AssertContains(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case JsonObject o:
                actual.Should().BeOfType<JsonObject>($"{path} is an object");
                foreach (var (key, value) in o)
                {
                    AssertContains(value, actual![key], $"{path}.{key}");
                }

                break;
            case JsonArray a:
                actual.Should().BeOfType<JsonArray>($"{path} is an array");
                actual!.AsArray().Count.Should().Be(a.Count, $"{path} keeps its items");
                for (var i = 0; i < a.Count; i++)
                {
                    AssertContains(a[i], actual[i], $"{path}[{i}]");
                }

                break;
            default:
                JsonNode.DeepEquals(expected, actual).Should().BeTrue($"{path} is {expected?.ToJsonString() ?? "null"}, not {actual?.ToJsonString() ?? "null"}");
                break;
        }
    }
}
