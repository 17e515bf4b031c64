using System.Text.Json.Nodes;
using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Tests.Elsa;
using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Tests.Validation;

/// <summary>
/// The flows the samples and the browser test build (agent, approval, HTTP; three parallel models, a join, a judge and
/// a person) are valid, survive a round trip, and a single break in them is reported on the node that has it.
/// </summary>
public sealed class SampleFlowValidationTests
{
    private const string AgentApprovalHttp = "sample-agent-approval-http.json";
    private const string ForkModelsJoin = "sample-fork-models-join.json";

    private static readonly FlowValidationContext Registry = new(
        Tools: new HashSet<string> { "crm.lookup" },
        WorkflowExists: _ => false,
        Agents: new HashSet<string>());

    public static TheoryData<string> Samples => new() { AgentApprovalHttp, ForkModelsJoin };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Validate_SampleFlow_HasNoProblems(string name)
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(name));

        FlowValidator.Validate(doc, Registry).Should().BeEmpty();
        FlowValidator.Validate(doc).Should().BeEmpty();
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ReadWriteRead_SampleFlow_KeepsTheGraphAndEveryActivityAsWritten(string name)
    {
        var original = ElsaDocuments.Json(name);
        var first = ElsaJson.Read(original);
        var written = ElsaJson.ToJson(first);

        FlowGraph.Of(ElsaJson.Read(written.ToJsonString())).Should().Equal(FlowGraph.Of(first));
        JsonNode.DeepEquals(written["root"]!["activities"], original["root"]!["activities"]).Should().BeTrue();
        JsonNode.DeepEquals(written["variables"], original["variables"]).Should().BeTrue();
    }

    [Fact]
    public void Validate_ForkModelsJoin_ReadsAsThreeBranchesIntoAWaitAllJoin()
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(ForkModelsJoin));

        doc.Root.Connections.Where(c => c.Source == "fork").Select(c => (c.SourcePort, c.Target)).Should().Equal(
            ("Formal", "draft-formal"), ("Playful", "draft-playful"), ("Short", "draft-short"));
        doc.Root.Connections.Count(c => c.Target == "join").Should().Be(3);
        doc.Root.Find("join")!.Input("mode")!.Expression!.Text.Should().Be("WaitAll");
    }

    [Fact]
    public void Validate_AgentWithAnUnregisteredTool_IsUnknownToolOnTheAgent()
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(AgentApprovalHttp));

        var problem = FlowValidator.Validate(doc, Registry with { Tools = new HashSet<string>() }).Should().ContainSingle().Subject;

        problem.NodeId.Should().Be("triage");
        problem.Code.Should().Be(FlowProblemCodes.UnknownTool);
        problem.Message.Should().StartWith("Node 'Triage the request' (triage): ").And.Contain("'crm.lookup'");
    }

    [Fact]
    public void Validate_HttpPortNotAmongTheExpectedStatusCodes_IsUnknownPortOnTheRequest()
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(AgentApprovalHttp));
        doc.Root.Connections.Add(new FlowConnection("refund", "404", "failed", "In", null));

        var problem = FlowValidator.Validate(doc, Registry).Should().ContainSingle().Subject;

        problem.Should().BeEquivalentTo(new { NodeId = "refund", Code = FlowProblemCodes.UnknownPort });
        problem.Message.Should().Contain("'404', which is not one of its outcomes (200, 201, Done, Unmatched status code, Failed to connect, Timeout)");
    }

    [Fact]
    public void Validate_BranchThatSkipsTheFork_MakesTheDraftUnreachableAndKeepsTheJoinValid()
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(ForkModelsJoin));
        doc.Root.Connections.RemoveAll(c => c.Source == "fork" && c.Target == "draft-short");

        FlowValidator.Validate(doc, Registry).Select(p => (p.NodeId, p.Code)).Should().Equal([("draft-short", FlowProblemCodes.UnreachableNode)]);
    }

    [Fact]
    public void Validate_JudgeWithABrokenTemplate_IsInvalidExpressionOnTheJudge()
    {
        var doc = ElsaJson.Read(ElsaDocuments.Text(ForkModelsJoin));
        var judge = doc.Root.Find("judge")!;
        judge.SetInput("prompt", new FlowInput("String", new FlowExpression(FlowExpressionTypes.Liquid, JsonValue.Create("Which is best? {{ Variables.Formal"))));

        var problem = FlowValidator.Validate(doc, Registry).Should().ContainSingle().Subject;

        problem.Should().BeEquivalentTo(new { NodeId = "judge", Code = FlowProblemCodes.InvalidExpression });
        problem.Message.Should().StartWith("Node 'Judge' (judge): the Liquid template of 'prompt' does not parse");
    }
}
