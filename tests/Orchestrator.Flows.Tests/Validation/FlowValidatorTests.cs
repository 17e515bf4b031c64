using Orchestrator.Flows.Elsa;
using Orchestrator.Flows.Model;
using Orchestrator.Flows.Tests.Elsa;
using Orchestrator.Flows.Validation;

namespace Orchestrator.Flows.Tests.Validation;

public sealed class FlowValidatorTests
{
    private static readonly FlowValidationContext Registry = new(
        Tools: new HashSet<string> { "crm.lookup", "mcp:files.read" },
        WorkflowExists: name => name is "ship-order" or "notify-customer",
        Agents: new HashSet<string> { "triage" });

    [Theory]
    [MemberData(nameof(ElsaDocuments.All), MemberType = typeof(ElsaDocuments))]
    public void Validate_HandWrittenDocument_HasOnlyTheExpectedProblems(string name)
    {
        var problems = FlowValidator.Validate(ElsaJson.Read(ElsaDocuments.Text(name)), Registry);

        if (name == ElsaDocuments.AgentsAndUnknown)
        {
            problems.Select(p => (p.NodeId, p.Code)).Should().Equal(
                ("writer", FlowProblemCodes.UnknownActivityType), ("if1", FlowProblemCodes.UnknownActivityType), ("seq", FlowProblemCodes.UnknownActivityType));
        }
        else
        {
            problems.Should().BeEmpty();
        }
    }

    [Fact]
    public void Validate_FlowWithoutStartNode_StartsFromNodesWithoutIncomingConnections()
    {
        var doc = Flow(Write("a") + "," + Write("b"), C("a", "Done", "b"));

        FlowValidator.Validate(doc).Should().BeEmpty();
    }

    [Fact]
    public void Validate_UnknownActivityType_ReportsTheNode()
    {
        var doc = Flow(Start + """,{"id":"x","name":"Fancy","type":"Acme.Fancy"}""", C("start", "Done", "x"));

        Single(doc, "x", FlowProblemCodes.UnknownActivityType).Message.Should().Be(
            "Node 'Fancy' (x): the activity type 'Acme.Fancy' cannot run here. Replace the node with a supported activity or delete it.");
    }

    [Fact]
    public void Validate_ConnectionToMissingNode_IsDangling()
    {
        var doc = Flow(Start + "," + Write("w"), C("start", "Done", "w") + "," + C("w", "Done", "ghost"));

        Single(doc, "w", FlowProblemCodes.DanglingConnection).Message.Should().Contain("node 'ghost', which does not exist");
    }

    [Fact]
    public void Validate_ConnectionFromMissingNode_IsDanglingOnItsTarget()
    {
        var doc = Flow(Start + "," + Write("w"), C("start", "Done", "w") + "," + C("ghost", "Done", "w"));

        Single(doc, "w", FlowProblemCodes.DanglingConnection);
    }

    [Fact]
    public void Validate_NodeNotConnectedToStart_IsUnreachable()
    {
        var doc = Flow(Start + "," + Write("w") + "," + Write("island") + "," + Write("island2"),
            C("start", "Done", "w") + "," + C("island", "Done", "island2") + "," + C("island2", "Done", "island"));

        Problems(doc).Should().Equal(("island", FlowProblemCodes.UnreachableNode), ("island2", FlowProblemCodes.UnreachableNode));
        FlowValidator.Validate(doc)[0].Message.Should().Be(
            "Node 'island': it cannot be reached from the start. Connect it to a step before it, or delete it.");
    }

    [Fact]
    public void Validate_NodeReachedOnlyThroughALoop_IsReachable()
    {
        FlowValidator.Validate(ElsaJson.Read(ElsaDocuments.Text(ElsaDocuments.ExampleA))).Should().BeEmpty();
    }

    public static TheoryData<string, string, string> MissingInputs => new()
    {
        { """{"id":"n","type":"Elsa.WriteLine"}""", "Done", "the text is missing. Set 'Text'" },
        { """{"id":"n","type":"Elsa.SetVariable","value":{"typeName":"Object","expression":{"type":"Literal","value":1}}}""", "Done", "the variable to set is missing" },
        { """{"id":"n","type":"Elsa.SetOutput"}""", "Done", "the output name is missing" },
        { """{"id":"n","type":"Elsa.FlowDecision","condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":" "}}}""", "True", "the condition is missing" },
        { """{"id":"n","type":"Elsa.FlowSwitch"}""", "Default", "the switch has no cases" },
        { """{"id":"n","type":"Elsa.FlowSwitch","cases":[{"label":"A"}]}""", "A", "case 'A' has no condition" },
        { """{"id":"n","type":"Elsa.FlowFork","branches":{"typeName":"String[]","expression":{"type":"Object","value":"[]"}}}""", null!, "the fork has no branches" },
        { """{"id":"n","type":"Elsa.Delay","timeSpan":{"typeName":"TimeSpan"}}""", "Done", "the duration is missing. Set 'Duration'" },
        { """{"id":"n","type":"Elsa.Event","eventName":{"typeName":"String","expression":{"type":"Literal","value":""}}}""", "Done", "the event name is missing" },
        { """{"id":"n","type":"Elsa.RunTask"}""", "Done", "the task name is missing" },
        { """{"id":"n","type":"Elsa.FlowSendHttpRequest"}""", "Done", "the URL is missing. Set 'URL'" },
        { """{"id":"n","type":"Elsa.ExecuteWorkflow"}""", "Done", "the workflow to run is missing" },
        { """{"id":"n","type":"Orchestrator.Agent","prompt":{"typeName":"String","expression":{"type":"Liquid","value":"Hi"}}}""", "Done", "the agent is missing" },
        { """{"id":"n","type":"Orchestrator.Agent","agent":{"typeName":"String","expression":{"type":"Literal","value":"triage"}}}""", "Done", "the prompt is missing" },
        { """{"id":"n","type":"Orchestrator.Model"}""", "Done", "the prompt is missing" },
        { """{"id":"n","type":"Orchestrator.Tool"}""", "Done", "the tool is missing" },
        { """{"id":"n","type":"Orchestrator.Approval"}""", "Approved", "the title is missing" },
        { """{"id":"n","type":"Orchestrator.SubWorkflow"}""", "Done", "the workflow to run is missing" },
    };

    [Theory]
    [MemberData(nameof(MissingInputs))]
    public void Validate_RequiredInputNotSet_IsMissingInput(string node, string? port, string message)
    {
        var doc = Flow(Start + "," + node + (port is null ? string.Empty : "," + End), C("start", "Done", "n") + (port is null ? string.Empty : "," + C("n", port, "end")));

        Single(doc, "n", FlowProblemCodes.MissingInput).Message.Should().Contain(message);
    }

    [Fact]
    public void Validate_MissingUrl_NamesTheNodeAndSaysWhatToSet()
    {
        var doc = Flow(Start + """,{"id":"http1","type":"Elsa.FlowSendHttpRequest","metadata":{"displayText":"Refund"}}""", C("start", "Done", "http1"));

        Single(doc, "http1", FlowProblemCodes.MissingInput).Message.Should().Be(
            "Node 'Refund' (http1): the URL is missing. Set 'URL' in the node's properties.");
    }

    [Theory]
    [InlineData("JavaScript", "getCounter( +", "the JavaScript of 'text' does not parse")]
    [InlineData("Liquid", "Hello {{ name ", "the Liquid template of 'text' does not parse")]
    [InlineData("Object", "{\\\"a\\\":", "the value of 'text' is not valid JSON")]
    public void Validate_ExpressionThatDoesNotParse_IsInvalidExpression(string type, string source, string message)
    {
        var doc = Flow(Start + "," + Node("w", "Elsa.WriteLine", $$$""" "text":{"typeName":"String","expression":{"type":"{{{type}}}","value":"{{{source}}}"}} """), C("start", "Done", "w"));

        Single(doc, "w", FlowProblemCodes.InvalidExpression).Message.Should().Contain(message);
    }

    [Fact]
    public void Validate_ScriptCallingAnAccessorOfNothingDeclared_IsUnknownVariable()
    {
        var doc = Flow(
            Start + "," + Node("w", "Elsa.WriteLine", """ "text":{"typeName":"String","expression":{"type":"JavaScript","value":"getTotal() + getAmont()"}} """),
            C("start", "Done", "w"),
            variables: """[{"id":"v-total","name":"Total","typeName":"Double"}]""",
            inputs: """[{"name":"amount","type":"Double"}]""");

        Single(doc, "w", FlowProblemCodes.UnknownVariable).Message.Should()
            .Contain("calls getAmont()").And.Contain("no variable or input by that name");
    }

    [Theory]
    [InlineData("getTotal() + getAmount() + getInputAmount() + getInput('amount') + getVariable('Total')")]
    [InlineData("setTotal(getTotal() + 1); return getTotal();")]
    [InlineData("function getRate() { return 0.2; } return getRate() * getTotal();")]
    [InlineData("const getTax = x => x * 0.2; return getTax(getTotal());")]
    [InlineData("const o = { getX: () => 1 }; return o.getX() + Math.max(1, 2) + parseInt('3');")]
    public void Validate_ScriptCallingDeclaredOrOwnFunctions_HasNoProblems(string script)
    {
        var doc = Flow(
            Start + "," + Node("w", "Elsa.WriteLine", $$$""" "text":{"typeName":"String","expression":{"type":"JavaScript","value":"{{{script}}}"}} """),
            C("start", "Done", "w"),
            variables: """[{"id":"v-total","name":"Total","typeName":"Double"}]""",
            inputs: """[{"name":"amount","type":"Double"}]""");

        Problems(doc).Should().BeEmpty();
    }

    [Fact]
    public void Validate_SwitchCaseConditionThatDoesNotParse_IsInvalidExpression()
    {
        var doc = Flow(Start + "," + Node("sw", "Elsa.FlowSwitch", """ "cases":[{"label":"A","condition":{"type":"JavaScript","value":"1 +"}}] """), C("start", "Done", "sw"));

        Single(doc, "sw", FlowProblemCodes.InvalidExpression).Message.Should().Contain("case 'A'");
    }

    [Fact]
    public void Validate_CSharpExpression_IsUnsupported()
    {
        var doc = Flow(Start + "," + Node("w", "Elsa.WriteLine", """ "text":{"typeName":"String","expression":{"type":"CSharp","value":"\"hi\""}} """), C("start", "Done", "w"));

        Single(doc, "w", FlowProblemCodes.UnsupportedExpression);
    }

    [Theory]
    [InlineData(""" "variable":{"id":"v-nope","name":"Nope"} """, "Elsa.SetVariable", "it sets variable 'Nope'")]
    [InlineData(""" "text":{"typeName":"String","expression":{"type":"Variable","value":"{\"id\":\"v-x\",\"name\":\"Missing\"}"}} """, "Elsa.WriteLine", "reads variable 'Missing'")]
    [InlineData(""" "text":{"typeName":"String","expression":{"type":"Literal","value":"hi"}},"result":{"typeName":"Object","memoryReference":{"id":"v-gone"}} """, "Elsa.WriteLine", "its output 'result' is saved to variable 'v-gone'")]
    public void Validate_UndeclaredVariable_IsUnknownVariable(string properties, string type, string message)
    {
        var doc = Flow(Start + "," + Node("n", type, properties), C("start", "Done", "n"), variables: """[{"id":"v-ok","name":"Ok","typeName":"Object"}]""");

        Single(doc, "n", FlowProblemCodes.UnknownVariable).Message.Should().Contain(message);
    }

    [Fact]
    public void Validate_InputExpressionNamingAnUndeclaredInput_IsUnknownInput()
    {
        var doc = Flow(Start + "," + Node("w", "Elsa.WriteLine", """ "text":{"typeName":"String","expression":{"type":"Input","value":"{\"name\":\"Amount\"}"}} """),
            C("start", "Done", "w"), inputs: """[{"name":"Customer","type":"String"}]""");

        Single(doc, "w", FlowProblemCodes.UnknownInput).Message.Should().Contain("'Amount'");
    }

    [Fact]
    public void Validate_JoinWithoutAForkBeforeIt_IsJoinWithoutFork()
    {
        var doc = Flow(Start + "," + Write("a") + "," + Node("join", "Elsa.FlowJoin", null), C("start", "Done", "a") + "," + C("a", "Done", "join"));

        Single(doc, "join", FlowProblemCodes.JoinWithoutFork);
    }

    [Theory]
    [InlineData("Elsa.FlowDecision", """ "condition":{"typeName":"Boolean","expression":{"type":"Literal","value":true}} """, "Yes", "(True, False)")]
    [InlineData("Elsa.FlowFork", """ "branches":{"typeName":"String[]","expression":{"type":"Object","value":"[\"A\",\"B\"]"}} """, "C", "(A, B)")]
    [InlineData("Elsa.FlowSwitch", """ "cases":[{"label":"Small","condition":{"type":"JavaScript","value":"true"}}] """, "Large", "(Small, Default)")]
    [InlineData("Elsa.FlowSendHttpRequest", """ "url":{"typeName":"String","expression":{"type":"Literal","value":"https://a.example"}},"expectedStatusCodes":{"typeName":"Int32[]","expression":{"type":"Object","value":"[200]"}} """, "404", "(200, Done, Unmatched status code, Failed to connect, Timeout)")]
    [InlineData("Orchestrator.Approval", """ "title":{"typeName":"String","expression":{"type":"Literal","value":"t"}} """, "Done", "(Approved, Rejected, TimedOut)")]
    [InlineData("Elsa.End", "", "Done", "has no outcomes")]
    public void Validate_ConnectionFromAnOutcomeTheNodeDoesNotHave_IsUnknownPort(string type, string properties, string port, string message)
    {
        var doc = Flow(Start + "," + Node("n", type, properties.Length == 0 ? null : properties) + "," + End, C("start", "Done", "n") + "," + C("n", port, "end"));

        Single(doc, "n", FlowProblemCodes.UnknownPort).Message.Should().Contain(message);
    }

    [Fact]
    public void Validate_HttpPortForAComputedStatusCode_IsAccepted()
    {
        var doc = Flow(Start + "," + Node("n", "Elsa.FlowSendHttpRequest", """
            "url":{"typeName":"String","expression":{"type":"Literal","value":"https://a.example"}},
            "expectedStatusCodes":{"typeName":"Int32[]","expression":{"type":"JavaScript","value":"[200, 404]"}}
            """) + "," + End, C("start", "Done", "n") + "," + C("n", "404", "end"));

        FlowValidator.Validate(doc).Should().BeEmpty();
    }

    [Fact]
    public void Validate_UnregisteredTool_IsUnknownToolOnToolAndAgentNodes()
    {
        var doc = Flow(
            Start + "," + Node("t", "Orchestrator.Tool", """ "tool":{"typeName":"String","expression":{"type":"Literal","value":"crm.delete"}} """)
            + "," + Node("a", "Orchestrator.Agent", """
                "agent":{"typeName":"String","expression":{"type":"Literal","value":"triage"}},
                "prompt":{"typeName":"String","expression":{"type":"Literal","value":"go"}},
                "tools":{"typeName":"String[]","expression":{"type":"Object","value":"[\"crm.lookup\",\"shell.run\"]"}}
                """),
            C("start", "Done", "t") + "," + C("t", "Done", "a"));

        Problems(doc, Registry).Should().Equal(("t", FlowProblemCodes.UnknownTool), ("a", FlowProblemCodes.UnknownTool));
        FlowValidator.Validate(doc, Registry)[1].Message.Should().Contain("'shell.run'");
        FlowValidator.Validate(doc).Should().BeEmpty("without a registry the names are not checked");
    }

    [Fact]
    public void Validate_UnregisteredAgent_IsUnknownAgent()
    {
        var doc = Flow(Start + "," + Node("a", "Orchestrator.Agent", """
            "agent":{"typeName":"String","expression":{"type":"Literal","value":"writer"}},
            "prompt":{"typeName":"String","expression":{"type":"Literal","value":"go"}}
            """), C("start", "Done", "a"));

        Single(doc, "a", FlowProblemCodes.UnknownAgent, Registry);
    }

    [Theory]
    [InlineData("Orchestrator.SubWorkflow", "workflow")]
    [InlineData("Elsa.ExecuteWorkflow", "workflowDefinitionId")]
    public void Validate_SubWorkflowThatDoesNotExist_IsUnknownWorkflow(string type, string input)
    {
        var doc = Flow(Start + "," + Node("s", type, $$$""" "{{{input}}}":{"typeName":"String","expression":{"type":"Literal","value":"nope"}} """), C("start", "Done", "s"));

        Single(doc, "s", FlowProblemCodes.UnknownWorkflow, Registry).Message.Should().Contain("'nope'");
    }

    [Fact]
    public void Validate_TwoNodesWithOneId_IsDuplicateId()
    {
        var doc = Flow(Start + "," + Write("w") + "," + Write("w"), C("start", "Done", "w"));

        Single(doc, "w", FlowProblemCodes.DuplicateId);
    }

    [Fact]
    public void Validate_EmptyFlowchart_IsNoStart()
    {
        var problem = FlowValidator.Validate(Flow(string.Empty, string.Empty)).Should().ContainSingle().Subject;

        problem.Should().BeEquivalentTo(new { NodeId = (string?)null, Code = FlowProblemCodes.NoStart });
    }

    [Fact]
    public void Validate_EveryNodeInACycleAndNoStart_IsNoStart()
    {
        var doc = Flow(Write("a") + "," + Write("b"), C("a", "Done", "b") + "," + C("b", "Done", "a"));

        Problems(doc).Should().Equal((null, FlowProblemCodes.NoStart));
    }

    [Fact]
    public void Validate_RootThatIsNotAFlowchart_IsInvalidRoot()
    {
        var doc = ElsaJson.Read("""{"root":{"id":"seq","type":"Elsa.Sequence","activities":[]}}""");

        Problems(doc).Should().Equal(("seq", FlowProblemCodes.InvalidRoot));
    }

    [Theory]
    [InlineData("Elsa.Delay", """ "timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"soon"}} """, "not a duration")]
    [InlineData("Elsa.FlowSendHttpRequest", """ "url":{"typeName":"String","expression":{"type":"Literal","value":"/refunds"}} """, "not an absolute http or https address")]
    [InlineData("Elsa.FlowJoin", """ "mode":{"typeName":"String","expression":{"type":"Literal","value":"WaitSome"}} """, "Choose one of WaitAny, WaitAll, WaitAllActive")]
    [InlineData("Orchestrator.Approval", """ "title":{"typeName":"String","expression":{"type":"Literal","value":"t"}},"timeout":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"2 days"}} """, "'Timeout' is '2 days'")]
    [InlineData("Orchestrator.Model", """ "prompt":{"typeName":"String","expression":{"type":"Literal","value":"p"}},"temperature":{"typeName":"Double","expression":{"type":"Literal","value":"hot"}} """, "'Temperature' is 'hot'")]
    public void Validate_LiteralOfTheWrongForm_IsInvalidValue(string type, string properties, string message)
    {
        var doc = Flow(Start + ",{\"id\":\"f\",\"type\":\"Elsa.FlowFork\",\"branches\":{\"typeName\":\"String[]\",\"expression\":{\"type\":\"Object\",\"value\":\"[\\\"A\\\"]\"}}}," + Node("n", type, properties),
            C("start", "Done", "f") + "," + C("f", "A", "n"));

        Single(doc, "n", FlowProblemCodes.InvalidValue).Message.Should().Contain(message);
    }

    [Fact]
    public void Validate_DelayOfABareNumber_IsInvalidValueSayingItReadsAsDays()
    {
        var doc = Flow(Start + "," + Node("d", "Elsa.Delay", """ "timeSpan":{"typeName":"TimeSpan","expression":{"type":"Literal","value":"10"}} """), C("start", "Done", "d"));

        Single(doc, "d", FlowProblemCodes.InvalidValue).Message.Should().Contain("'Duration' is '10', which reads as 10 days").And.Contain("10.00:00:00 if days are meant");
    }

    [Theory]
    [InlineData("""{"retry":{"maxAttempts":0}}""", FlowProblemCodes.InvalidRetry, "maximum attempts '0'")]
    [InlineData("""{"retry":{"maxAttempts":3,"firstDelay":"later","backoff":0.5}}""", FlowProblemCodes.InvalidRetry, "first delay 'later', backoff '0.5'")]
    [InlineData("""{"retry":"3 times"}""", FlowProblemCodes.InvalidRetry, "not an object")]
    [InlineData("""{"timeout":"00:00:00"}""", FlowProblemCodes.InvalidTimeout, "not a positive duration")]
    [InlineData("""{"timeout":"PT30S"}""", FlowProblemCodes.InvalidTimeout, "the timeout 'PT30S' is not a positive duration. Write it as hh:mm:ss")]
    [InlineData("""{"timeout":-5}""", FlowProblemCodes.InvalidTimeout, "'-5'")]
    [InlineData("""{"timeout":"30"}""", FlowProblemCodes.InvalidTimeout, "the timeout '30' reads as 30 days. Write it as hh:mm:ss (e.g. 00:00:30 for thirty seconds")]
    [InlineData("""{"retry":{"maxAttempts":3,"firstDelay":"5"}}""", FlowProblemCodes.InvalidRetry, "first delay '5' (read as 5 days)")]
    public void Validate_MalformedRetryOrTimeout_IsReported(string customProperties, string code, string message)
    {
        var doc = Flow(Start + "," + Node("w", "Elsa.WriteLine", $$$""" "text":{"typeName":"String","expression":{"type":"Literal","value":"hi"}},"customProperties":{{{customProperties}}} """), C("start", "Done", "w"));

        Single(doc, "w", code).Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("""{"timeout":"00:00:30","retry":{"maxAttempts":3,"firstDelay":"00:00:01","backoff":2,"maxDelay":"00:01:00"}}""")]
    [InlineData("""{"timeout":30,"retry":{"maxAttempts":"2","firstDelay":1.5}}""")]
    [InlineData("""{"timeout":"1.00:00:00","retry":null}""")]
    public void Validate_RetryAndTimeoutTheRuntimeReads_HaveNoProblems(string customProperties)
    {
        var doc = Flow(Start + "," + Node("w", "Elsa.WriteLine", $$$""" "text":{"typeName":"String","expression":{"type":"Literal","value":"hi"}},"customProperties":{{{customProperties}}} """), C("start", "Done", "w"));

        FlowValidator.Validate(doc).Should().BeEmpty();
    }

    [Fact]
    public void Validate_ProblemsOfSeveralNodes_ComeInDocumentOrder()
    {
        var doc = Flow(Start + """,{"id":"a","type":"Elsa.WriteLine"},{"id":"b","type":"Elsa.Nope"}""", C("start", "Done", "a") + "," + C("a", "Done", "b"));

        Problems(doc).Should().Equal(("a", FlowProblemCodes.MissingInput), ("b", FlowProblemCodes.UnknownActivityType));
    }

    // How long this takes is measured by the benchmark, not asserted here (a timed unit test fails on a busy machine);
    // a warm validation of this flow takes about 8 ms.
    [Fact]
    public void Validate_TwoHundredNodeFlow_HasNoProblems()
    {
        var doc = Chain(200);

        doc.Root.Activities.Should().HaveCount(200);
        FlowValidator.Validate(doc).Should().BeEmpty();
    }

    /// <summary>A valid flow of <paramref name="count"/> nodes: scripts, templates, decisions and a fork with its join.</summary>
    internal static FlowDocument Chain(int count)
    {
        var nodes = new List<string> { Start };
        var edges = new List<string>();
        var previous = "start";
        for (var i = 1; nodes.Count < count; i++)
        {
            var id = $"n{i}";
            switch (i % 4)
            {
                case 0:
                    nodes.Add(Node(id, "Elsa.SetVariable", """ "variable":{"id":"v","name":"Count"},"value":{"typeName":"Object","expression":{"type":"JavaScript","value":"getCount() + 1"}} """));
                    break;
                case 1:
                    nodes.Add(Node(id, "Elsa.WriteLine", """ "text":{"typeName":"String","expression":{"type":"Liquid","value":"Count is {{ Variables.Count }}"}} """));
                    break;
                case 2:
                    nodes.Add(Node(id, "Elsa.FlowDecision", """ "condition":{"typeName":"Boolean","expression":{"type":"JavaScript","value":"getCount() % 2 == 0"}} """));
                    edges.Add(C(id, "False", previous));
                    edges.Add(C(previous, "Done", id));
                    previous = id;
                    continue;
                default:
                    nodes.Add(Node(id, "Orchestrator.Model", """ "prompt":{"typeName":"String","expression":{"type":"Liquid","value":"Say {{ Variables.Count }}"}},"customProperties":{"retry":{"maxAttempts":3},"timeout":"00:00:30"} """));
                    break;
            }

            edges.Add(C(previous, previous.StartsWith('n') && nodes[^2].Contains("FlowDecision", StringComparison.Ordinal) ? "True" : "Done", id));
            previous = id;
        }

        return Flow(string.Join(",", nodes), string.Join(",", edges), variables: """[{"id":"v","name":"Count","typeName":"Int32","value":"0"}]""");
    }

    private const string Start = """{"id":"start","type":"Elsa.Start"}""";
    private const string End = """{"id":"end","type":"Elsa.End"}""";

    private static string Write(string id) => Node(id, "Elsa.WriteLine", """ "text":{"typeName":"String","expression":{"type":"Literal","value":"hi"}} """);

    private static string Node(string id, string type, string? properties) =>
        properties is null ? $$"""{"id":"{{id}}","type":"{{type}}"}""" : $$"""{"id":"{{id}}","type":"{{type}}",{{properties}}}""";

    private static string C(string source, string port, string target) =>
        $$$"""{"source":{"activity":"{{{source}}}","port":"{{{port}}}"},"target":{"activity":"{{{target}}}","port":"In"}}""";

    private static FlowDocument Flow(string activities, string connections, string variables = "[]", string inputs = "[]") =>
        ElsaJson.Read($$$"""
            {"definitionId":"test","variables":{{{variables}}},"inputs":{{{inputs}}},
             "root":{"id":"fc","type":"Elsa.Flowchart","activities":[{{{activities}}}],"connections":[{{{connections}}}]}}
            """);

    private static IReadOnlyList<(string? NodeId, string Code)> Problems(FlowDocument doc, FlowValidationContext? context = null) =>
        [.. FlowValidator.Validate(doc, context).Select(p => (p.NodeId, p.Code))];

    private static FlowProblem Single(FlowDocument doc, string nodeId, string code, FlowValidationContext? context = null)
    {
        var problems = FlowValidator.Validate(doc, context);
        problems.Select(p => (p.NodeId, p.Code)).Should().Equal([(nodeId, code)], $"the problems were: {string.Join(" | ", problems.Select(p => p.Message))}");
        return problems[0];
    }
}
